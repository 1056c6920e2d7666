import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Updates a lib's own copies of an agency's division code, in the transaction that changed it. */
export type AgencyDivisionFollower = (manager: EntityManager, agencyId: string, jurisdictionCode: string) => Promise<void>;

/**
 * Libs above agencies that copy an agency's division code onto their records for scoping
 * (licensing: licences and applications) register here in onModuleInit, so a division change
 * keeps the copies in step in its own transaction without this lib writing their tables.
 */
@Injectable()
export class AgencyDivisionFollowers {
  private readonly followers: AgencyDivisionFollower[] = [];

  register(follower: AgencyDivisionFollower): void {
    this.followers.push(follower);
  }

  async follow(manager: EntityManager, agencyId: string, jurisdictionCode: string): Promise<void> {
    for (const follower of this.followers) await follower(manager, agencyId, jurisdictionCode);
  }
}
