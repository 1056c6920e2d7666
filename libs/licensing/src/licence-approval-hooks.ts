import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/access';
import { LicenceApplication } from './licence-application.entity';
import { Licence } from './licence.entity';

/** What follows an approval, done in the approval's own transaction (a failure undoes the approval). */
export type ApprovalHook = (manager: EntityManager, approved: { application: LicenceApplication; licence: Licence; actor: Actor }) => Promise<void>;

/**
 * Modules that act on an approval register here (in onModuleInit) instead of licensing importing
 * them: commitment-based licensing plans its on-site check this way, and inspections already
 * depend on licensing.
 */
@Injectable()
export class LicenceApprovalHooks {
  private readonly hooks: ApprovalHook[] = [];

  register(hook: ApprovalHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, approved: { application: LicenceApplication; licence: Licence; actor: Actor }): Promise<void> {
    for (const hook of this.hooks) await hook(manager, approved);
  }
}
