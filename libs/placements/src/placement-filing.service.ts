import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Clock, FieldProblem, ProblemException, Problems } from '@app/core';
import { LicencesService } from '@app/licensing';
import { HttpStatus } from '@nestjs/common';
import { Placement } from './placement.entity';
import { CreatePlacementRequest } from './placements.dto';
import { PlacementRecordView } from './placement-views.dto';
import { PlacementsService } from './placements.service';
import { PlacementCrypto } from './identity/placement-crypto';
import { isValidResidentId, maskPhone, maskResidentId, normaliseResidentId } from './identity/resident-id';
import { PlacementReferenceService } from './reference/placement-reference.service';
import { checkContract, ClauseFailure, ContractTerms } from './rules/contract-clauses';
import { licenceCover } from './rules/licence-cover';
import { checkTraining } from './rules/training';

/** No 0/O or 1/I: the worker reads the code from paper or a message. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function newCheckCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * An agency files a placement abroad: its licence must cover the destination, the contract must
 * meet every clause of the sample contract and the training the rules; the worker's ID number and
 * phone are encrypted before they reach the database, and only their masked forms are audited.
 */
@Injectable()
export class PlacementFilingService {
  private readonly logger = new Logger(PlacementFilingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly reference: PlacementReferenceService,
    private readonly placements: PlacementsService,
    private readonly crypto: PlacementCrypto,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async file(actor: Actor, request: CreatePlacementRequest): Promise<PlacementRecordView> {
    if (!actor.agencyId) throw Problems.forbidden('Only an agency’s own users file its placements');
    const agency = await this.agencies.get(actor, actor.agencyId);
    const today = this.clock.today();
    const idNumber = normaliseResidentId(request.worker.idNumber);
    if (!isValidResidentId(idNumber)) throw Problems.invalid([{ field: 'worker.idNumber', message: 'idNumber is not a valid resident ID number (wrong check digit or birth date)' }]);

    const cover = licenceCover(agency.agencyType, await this.licences.inForce(this.dataSource.manager, agency.id), request.destinationCountry, today);
    if (!cover.ok) {
      if (cover.reason === 'domestic-agency') throw Problems.forbidden('A domestic placement agency may not place workers abroad', 'not-an-overseas-agency');
      if (cover.reason === 'no-overseas-licence') throw Problems.conflict('no-overseas-licence', 'The agency holds no active licence for placing workers abroad');
      throw Problems.invalid([{ field: 'destinationCountry', message: 'the agency’s licence does not cover this destination country' }]);
    }

    const terms = contractTerms(request);
    const destination = await this.reference.destination(request.destinationCountry);
    const failures = checkContract(terms, await this.reference.activeClauses(), { departureDate: request.departureDate, minimumWage: this.reference.minimumWageOf(destination) });
    const training = checkTraining(request.training, request.departureDate, this.reference.trainingMinHours);
    if (request.departureDate < today) failures.push({ clause: 'departure', field: 'departureDate', titleZh: '出境日期', titleEn: 'Departure date', messageZh: '出境日期不能早于今天', messageEn: 'the departure date cannot be in the past' });
    if (failures.length > 0 || training.length > 0) throw refusal(failures, training);

    const idHash = this.crypto.lookupHash(idNumber);
    const placement = await this.dataSource.transaction(async (manager) => {
      // One placement abroad at a time: the same worker still abroad with any agency is refused.
      const [abroad] = (await manager.query(`SELECT agency_id AS "agencyId" FROM placements WHERE worker_id_hash = $1 AND status = 'filed' LIMIT 1 FOR UPDATE`, [idHash])) as { agencyId: string }[];
      if (abroad) throw Problems.conflict('worker-already-placed', 'This worker has a placement abroad that has not ended; record her return first');
      const saved = await manager.save(
        manager.create(Placement, {
          checkCode: newCheckCode(),
          agencyId: agency.id,
          jurisdictionCode: agency.jurisdictionCode,
          licenceId: cover.licenceId,
          destinationCountry: request.destinationCountry,
          employerName: request.employer.name,
          employerCountry: request.employer.country,
          employerAddress: request.employer.address,
          jobTitle: request.jobTitle,
          workerName: request.worker.name,
          workerIdEncrypted: this.crypto.encrypt(idNumber),
          workerIdHash: idHash,
          workerIdMasked: maskResidentId(idNumber),
          workerPhoneEncrypted: this.crypto.encrypt(request.worker.phone),
          workerPhoneMasked: maskPhone(request.worker.phone),
          contract: terms,
          training: { completedOn: request.training.completedOn, hours: request.training.hours, topics: request.training.topics },
          departureDate: request.departureDate,
          status: 'filed',
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, { action: 'placement.file', entityType: 'placement', entityId: saved.id, after: auditable(saved) });
      return saved;
    });
    this.logger.log({ msg: 'placement filed', placementId: placement.id, worker: placement.workerIdMasked });
    return this.placements.view(actor, placement.id);
  }
}

function contractTerms(request: CreatePlacementRequest): ContractTerms {
  const c = request.contract;
  return {
    monthlyWage: c.monthlyWage ?? null,
    currency: c.currency ?? null,
    hoursPerWeek: c.hoursPerWeek,
    restDaysPerWeek: c.restDaysPerWeek,
    durationMonths: c.durationMonths,
    insurance: c.insurance,
    returnTravelPaidBy: c.returnTravelPaidBy,
    feesChargedToWorker: c.feesChargedToWorker,
    documentsRetainedByEmployer: c.documentsRetainedByEmployer,
    disputeResolution: c.disputeResolution ?? null,
    signedOn: c.signedOn,
  };
}

/** What the audit trail keeps of a placement: never the ciphertexts, hash or a full ID number. */
export function auditable(p: Placement): Record<string, unknown> {
  const { workerIdEncrypted: _id, workerIdHash: _hash, workerPhoneEncrypted: _phone, ...rest } = p;
  return rest;
}

/**
 * The 400 that names every failing clause and training rule: `errors` as every validation answer
 * has them (in English, localised by the problem filter where it can), and `clauses` with both
 * languages, so a form shows each failure in its reader's language.
 */
function refusal(clauses: ClauseFailure[], training: { field: string; messageEn: string; messageZh: string }[]): ProblemException {
  const errors: FieldProblem[] = [...clauses.map((f) => ({ field: f.field, message: f.messageEn })), ...training.map((f) => ({ field: f.field, message: f.messageEn }))];
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation', 'The contract or the training does not meet the rules for a placement abroad', {
    errors,
    clauses: [
      ...clauses,
      ...training.map((f) => ({ clause: 'training', field: f.field, titleZh: '出境前培训', titleEn: 'Pre-departure training', messageZh: f.messageZh, messageEn: f.messageEn })),
    ],
  });
}
