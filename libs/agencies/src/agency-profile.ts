import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Actor } from '@app/access';
import { AgencyView } from './agencies.dto';

/** A part of the agency profile contributed by another module (licences, inspections, complaints...). */
export interface AgencyProfileSection {
  key: string;
  load(agencyId: string, actor: Actor): Promise<unknown>;
}

/** The agency profile: the agency, and one property per section another module contributes. */
export class AgencyProfileView {
  @ApiProperty({ type: AgencyView }) agency: AgencyView;
  [section: string]: unknown;
}

/**
 * Documents a section of the profile in OpenAPI. A module calls it beside its `register` call,
 * at import time: the document is built from decorator metadata, before (and, when exported,
 * without) any module being initialised.
 */
export function describeAgencyProfileSection(key: string, options: ApiPropertyOptions): void {
  ApiProperty(options)(AgencyProfileView.prototype, key);
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
