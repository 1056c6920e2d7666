import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { businessDateOf, Clock, FieldProblem, ProblemException, Problems } from '@app/core';
import { BureausService, JurisdictionsService } from '@app/jurisdictions';
import { LicencesService } from '@app/licensing';
import { ComplaintDeadlines } from './complaint-deadlines';
import { Complaint, ComplaintCategory, ComplaintEvent } from './complaint.entity';
import { ComplaintChannel, ComplaintStatus, Severity, severityOf } from './complaint-rules';
import { ComplaintSecrets, submissionHash } from './complaint-secrets';
import { auditableComplaint } from './complaint-views';
import {
  ComplaintDetails,
  ComplaintReceipt,
  OfficialComplaintRequest,
  PublicComplaintNote,
  PublicComplaintRequest,
  PublicComplaintStatus,
} from './complaints.dto';

/** A repeated submission within this window is answered with the first complaint. */
const DEDUP_WINDOW_MS = 60_000;

interface EventActor {
  userId: string | null;
  username: string;
  role: string;
}

/** Wrong PINs or secrets in a row (within an hour) before a tracking code is locked, and for how long. */
export const TRACKING_MAX_FAILURES = 5;
export const TRACKING_LOCK_MINUTES = 15;

function trackingLocked(until: Date, now: Date): ProblemException {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'tracking-locked', `Too many wrong PINs for this tracking code; try again in ${minutes} minutes`, {
    lockedUntil: until.toISOString(),
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  });
}

/** Who acts for a public submission (no sign-in). */
const PUBLIC_ACTOR: EventActor = { userId: null, username: 'public', role: 'public' };

interface Routing {
  agencyId: string | null;
  jurisdictionCode: string;
  assignedBureauId: string | null;
}

/** Public and official intake: routing to a bureau, severity and deadlines, the tracking code. */
@Injectable()
export class ComplaintIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly bureaus: BureausService,
    private readonly deadlines: ComplaintDeadlines,
    private readonly secrets: ComplaintSecrets,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The public form. Idempotent for a minute by Idempotency-Key, else by content and address. */
  async submitPublic(request: PublicComplaintRequest, clientAddress: string, idempotencyKey?: string): Promise<ComplaintReceipt> {
    const dedupHash = submissionHash(request, clientAddress, idempotencyKey);
    const { routing, categories } = await this.prepare(request);
    return this.dataSource.transaction(async (manager) => {
      // Serialises identical submissions, so two at once still make one complaint.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [dedupHash]);
      const now = this.clock.now();
      const [previous] = (await manager.query(
        `SELECT tracking_code AS "trackingCode", secret_salt AS "salt", received_at AS "receivedAt", ack_due_at AS "ackDueAt",
                resolve_due_at AS "resolveDueAt", severity
           FROM complaints
          WHERE dedup_hash = $1 AND received_at > $2 ORDER BY received_at DESC LIMIT 1`,
        [dedupHash, new Date(now.getTime() - DEDUP_WINDOW_MS)],
      )) as { trackingCode: string; salt: string; receivedAt: Date; ackDueAt: Date; resolveDueAt: Date; severity: Severity }[];
      if (previous) {
        const { salt, severity, ...receipt } = previous;
        return { ...receipt, secret: this.secrets.secretFor(salt), pin: this.secrets.pinFor(salt), urgent: severity === 'urgent' };
      }
      const { id: _id, ...receipt } = await this.insert(manager, request, routing, categories, { channel: 'web', receivedAt: now, dedupHash, actor: PUBLIC_ACTOR });
      return receipt;
    });
  }

  /**
   * Hotline, walk-in, letter and referral entry by an official. The secret is returned once, for
   * the official to pass on with the tracking code so the complainant can follow the case.
   */
  async submitOfficial(actor: Actor, request: OfficialComplaintRequest): Promise<{ complaint: Complaint; secret: string; pin: string }> {
    const now = this.clock.now();
    const receivedAt = request.receivedAt ? new Date(request.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime()) throw Problems.invalid([{ field: 'receivedAt', message: 'receivedAt cannot be in the future' }]);
    const { routing, categories } = await this.prepare(request);
    return this.dataSource.transaction(async (manager) => {
      const { id, secret, pin } = await this.insert(manager, request, routing, categories, {
        channel: request.channel,
        receivedAt,
        dedupHash: null,
        actor: { userId: actor.userId, username: actor.username, role: actor.role },
      });
      return { complaint: await manager.findOneByOrFail(Complaint, { id }), secret, pin };
    });
  }

  /** The categories a complaint may name (reference/complaint-categories.csv). */
  categories(): Promise<ComplaintCategory[]> {
    return this.dataSource.getRepository(ComplaintCategory).find({ order: { code: 'ASC' } });
  }

  /**
   * What the complainant sees with the tracking code and the PIN (or, for complaints filed before
   * PINs, the long secret): status and public notes only. Wrong answers are counted per tracking
   * code; after TRACKING_MAX_FAILURES in a row the code is locked for TRACKING_LOCK_MINUTES.
   */
  async publicStatus(trackingCode: string, proof: { secret?: string; pin?: string }): Promise<PublicComplaintStatus> {
    if (!proof.secret && !proof.pin) {
      throw Problems.invalid([{ field: 'X-Complaint-Pin', message: 'send the PIN (X-Complaint-Pin) or the secret (X-Complaint-Secret) you were given' }]);
    }
    const now = this.clock.now();
    const [lock] = (await this.dataSource.query(`SELECT locked_until AS "lockedUntil" FROM complaint_tracking_failures WHERE tracking_code = $1`, [trackingCode])) as {
      lockedUntil: Date | null;
    }[];
    if (lock?.lockedUntil && lock.lockedUntil.getTime() > now.getTime()) throw trackingLocked(lock.lockedUntil, now);
    const [row] = (await this.dataSource.query(
      `SELECT id, status, received_at AS "receivedAt", secret_hash AS "secretHash", pin_hash AS "pinHash", ack_due_at AS "ackDueAt",
              resolve_due_at AS "resolveDueAt", severity
         FROM complaints WHERE tracking_code = $1`,
      [trackingCode],
    )) as { id: string; status: ComplaintStatus; receivedAt: Date; secretHash: string; pinHash: string | null; ackDueAt: Date; resolveDueAt: Date; severity: Severity }[];
    const proven = row !== undefined && (proof.pin ? this.secrets.pinMatches(trackingCode, proof.pin, row.pinHash) : this.secrets.matches(proof.secret as string, row.secretHash));
    if (!proven) {
      const lockedUntil = await this.countFailure(trackingCode, now);
      if (lockedUntil) throw trackingLocked(lockedUntil, now);
      // A wrong PIN answers exactly like an unknown code, so codes cannot be probed.
      throw Problems.notFound('Complaint', trackingCode);
    }
    if (lock) await this.dataSource.query(`DELETE FROM complaint_tracking_failures WHERE tracking_code = $1`, [trackingCode]);
    const notes = (await this.dataSource.query(
      `SELECT occurred_at AS "at", public_note AS "note" FROM complaint_events
        WHERE complaint_id = $1 AND public_note IS NOT NULL ORDER BY id`,
      [row.id],
    )) as PublicComplaintNote[];
    return {
      trackingCode,
      status: row.status,
      receivedAt: row.receivedAt,
      ackDueAt: row.ackDueAt,
      resolveDueAt: row.resolveDueAt,
      urgent: row.severity === 'urgent',
      notes,
    };
  }

  /** One more wrong answer for a code; the time it is locked until when that was one too many. */
  private async countFailure(trackingCode: string, now: Date): Promise<Date | null> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO complaint_tracking_failures AS f (tracking_code, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (tracking_code) DO UPDATE
         SET failures = CASE WHEN f.last_failure_at < $2::timestamptz - interval '1 hour' OR f.locked_until IS NOT NULL THEN 1 ELSE f.failures + 1 END,
             locked_until = NULL,
             last_failure_at = $2
       RETURNING failures`,
      [trackingCode, now],
    )) as { failures: number }[];
    if (row.failures < TRACKING_MAX_FAILURES) return null;
    const until = new Date(now.getTime() + TRACKING_LOCK_MINUTES * 60_000);
    await this.dataSource.query(`UPDATE complaint_tracking_failures SET locked_until = $2 WHERE tracking_code = $1`, [trackingCode, until]);
    return until;
  }

  /** Checks categories and the agency or place, and works out where the complaint goes. */
  private async prepare(request: ComplaintDetails): Promise<{ routing: Routing; categories: ComplaintCategory[] }> {
    const problems: FieldProblem[] = [];
    const categories = await this.dataSource.getRepository(ComplaintCategory).findBy({ code: In(request.categories) });
    const unknown = request.categories.filter((code) => !categories.some((c) => c.code === code));
    if (unknown.length > 0) problems.push({ field: 'categories', message: `unknown categories: ${unknown.join(', ')}` });
    if (!request.licenceNumber && !request.uscc && !request.agencyName) {
      problems.push({ field: 'agencyName', message: 'name the agency: licenceNumber, uscc or agencyName' });
    }
    const agency = await this.findAgency(request);
    let jurisdictionCode = agency?.jurisdictionCode ?? null;
    if (!jurisdictionCode) {
      if (!request.jurisdictionCode) {
        problems.push({ field: 'jurisdictionCode', message: 'the province or city is needed when the agency is not on the register' });
      } else if (!(await this.jurisdictions.find(request.jurisdictionCode))) {
        problems.push({ field: 'jurisdictionCode', message: `${request.jurisdictionCode} is not a known division code` });
      } else {
        jurisdictionCode = request.jurisdictionCode;
      }
    }
    if (problems.length > 0 || !jurisdictionCode) throw Problems.invalid(problems);
    // The bureau of the agency's city, else of the province (a city bureau if the place given is a city).
    const bureau = await this.bureaus.findGoverning(jurisdictionCode);
    return { routing: { agencyId: agency?.id ?? null, jurisdictionCode, assignedBureauId: bureau?.id ?? null }, categories };
  }

  private async findAgency(request: ComplaintDetails): Promise<{ id: string; jurisdictionCode: string } | null> {
    if (request.licenceNumber) {
      const licence = await this.licences.findByNumber(request.licenceNumber);
      if (licence) return { id: licence.agencyId, jurisdictionCode: licence.jurisdictionCode };
    }
    if (request.uscc) {
      const agency = await this.agencies.findByUscc(request.uscc);
      if (agency) return { id: agency.id, jurisdictionCode: agency.jurisdictionCode };
    }
    return null;
  }

  private async insert(
    manager: EntityManager,
    request: ComplaintDetails,
    routing: Routing,
    categories: ComplaintCategory[],
    origin: { channel: ComplaintChannel; receivedAt: Date; dedupHash: string | null; actor: EventActor },
  ): Promise<ComplaintReceipt & { id: string }> {
    const severity = severityOf(categories);
    const salt = this.secrets.newSalt();
    const secret = this.secrets.secretFor(salt);
    const pin = this.secrets.pinFor(salt);
    const trackingCode = this.secrets.newTrackingCode();
    const complaint = await manager.save(
      manager.create(Complaint, {
        trackingCode,
        secretHash: this.secrets.hash(secret),
        pinHash: this.secrets.pinHash(trackingCode, pin),
        secretSalt: salt,
        dedupHash: origin.dedupHash,
        channel: origin.channel,
        receivedAt: origin.receivedAt,
        receivedOn: businessDateOf(origin.receivedAt),
        complainantName: request.complainantName ?? null,
        complainantContact: request.complainantContact ?? null,
        agencyId: routing.agencyId,
        agencyNameGiven: request.agencyName ?? null,
        licenceNumberGiven: request.licenceNumber ?? null,
        usccGiven: request.uscc ?? null,
        jurisdictionCode: routing.jurisdictionCode,
        categories: request.categories,
        description: request.description,
        destinationCountry: request.destinationCountry ?? null,
        placementCode: request.placementCode ?? null,
        amountClaimed: request.amountClaimed ?? null,
        severity,
        status: 'received',
        assignedBureauId: routing.assignedBureauId,
        assigneeId: null,
        ...(await this.deadlines.forNew(origin.receivedAt, severity)),
        slaBreached: false,
        outcome: null,
        inspectionId: null,
        createdBy: origin.actor.userId,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      }),
    );
    await manager.save(
      manager.create(ComplaintEvent, {
      complaintId: complaint.id,
      kind: 'received',
      toStatus: 'received',
      details: { channel: origin.channel, severity, assignedBureauId: routing.assignedBureauId },
      actorId: origin.actor.userId,
      actorUsername: origin.actor.username,
      actorRole: origin.actor.role,
      occurredAt: this.clock.now(),
      }),
    );
    await this.audit.record(manager, { action: 'complaint.create', entityType: 'complaint', entityId: complaint.id, after: auditableComplaint(complaint), actor: origin.actor });
    return {
      id: complaint.id,
      trackingCode: complaint.trackingCode,
      secret,
      pin,
      receivedAt: complaint.receivedAt,
      ackDueAt: complaint.ackDueAt,
      resolveDueAt: complaint.resolveDueAt,
      urgent: severity === 'urgent',
    };
  }
}
