import { Injectable } from '@nestjs/common';
import { Actor } from '@app/auth/access';

/** A part of the agency profile contributed by another module (licences, inspections, complaints...). */
export interface AgencyProfileSection {
  key: string;
  load(agencyId: string, actor: Actor): Promise<unknown>;
}

/**
 * Modules that know something about an agency register a section here (in onModuleInit), so the
 * profile shows it without this module depending on them.
 */
@Injectable()
export class AgencyProfileSections {
  private readonly sections = new Map<string, AgencyProfileSection>();

  register(section: AgencyProfileSection): void {
    this.sections.set(section.key, section);
  }

  async load(agencyId: string, actor: Actor): Promise<Record<string, unknown>> {
    const entries = await Promise.all(
      [...this.sections.values()].map(async (section) => [section.key, await section.load(agencyId, actor)] as const),
    );
    return Object.fromEntries(entries);
  }
}
