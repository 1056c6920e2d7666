import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgenciesService } from '@app/agencies';
import { Clock, Problems } from '@app/core';
import { LicencesService } from '@app/licensing';
import { ReferenceDataService } from '@app/reference-data';
import { Placement } from './placement.entity';
import { PublicPlacementView } from './placement-views.dto';
import { PlacementReferenceService } from './reference/placement-reference.service';
import { OVERSEAS_LICENCE_TYPES } from './rules/licence-cover';

export const CHECK_CODE = /^[A-Z0-9]{10}$/;

/**
 * The worker's own check of her placement: the code she was given and the last four characters of
 * her ID number. A wrong suffix answers exactly as an unknown code does, so the code alone tells
 * nobody that a placement exists.
 */
@Injectable()
export class PublicPlacementCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly reference: PlacementReferenceService,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  async check(checkCode: string, idLast4: string): Promise<PublicPlacementView> {
    const code = checkCode.toUpperCase();
    const placement = CHECK_CODE.test(code) ? await this.dataSource.getRepository(Placement).findOneBy({ checkCode: code }) : null;
    if (!placement || !sameSuffix(placement.workerIdMasked.slice(-4), idLast4.toUpperCase())) throw Problems.notFound('Placement', code.slice(0, 12));
    const today = this.clock.today();
    const [[agency], licences, destination, zh, en] = await Promise.all([
      this.agencies.findByIds([placement.agencyId]),
      this.licences.inForce(this.dataSource.manager, placement.agencyId),
      this.reference.destination(placement.destinationCountry),
      this.referenceData.publicHelpLines('zh-CN'),
      this.referenceData.publicHelpLines('en'),
    ]);
    const english = new Map(en.map((line) => [line.id, line.name]));
    const helpLines = zh.map((line) => ({ number: line.number, nameZh: line.name, nameEn: english.get(line.id) ?? line.name }));
    if (destination?.helpLineNumber) helpLines.push({ number: destination.helpLineNumber, nameZh: destination.helpLineNameZh ?? '', nameEn: destination.helpLineNameEn ?? '' });
    return {
      checkCode: placement.checkCode,
      status: placement.status,
      agencyNameZh: agency?.nameZh ?? '',
      agencyNameEn: agency?.nameEn ?? null,
      licenceValidToday: licences.some((l) => OVERSEAS_LICENCE_TYPES.includes(l.licenceType) && l.status === 'active' && l.validFrom <= today && today <= l.expiresOn),
      destinationCountry: placement.destinationCountry,
      destinationNameZh: destination?.nameZh ?? placement.destinationCountry,
      destinationNameEn: destination?.nameEn ?? placement.destinationCountry,
      employerName: placement.employerName,
      jobTitle: placement.jobTitle,
      monthlyWage: placement.contract.monthlyWage,
      currency: placement.contract.currency,
      hoursPerWeek: placement.contract.hoursPerWeek,
      restDaysPerWeek: placement.contract.restDaysPerWeek,
      durationMonths: placement.contract.durationMonths,
      departureDate: placement.departureDate,
      trainingRecorded: placement.training.hours > 0,
      trainingHours: placement.training.hours,
      helpLines,
    };
  }
}

function sameSuffix(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
