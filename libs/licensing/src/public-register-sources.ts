import { Injectable } from '@nestjs/common';

/**
 * What the public register shows of enforcement, as SQL enforcement owns: the register lists an
 * agency's credit grade and whether the public sanctions list names it in its one query, but
 * enforcement sits above licensing, so it registers these fragments here (in onModuleInit).
 */
export interface PublicCreditSql {
  /**
   * A derived table of the agencies' current credit grades, to LEFT JOIN on `agency_id`: columns
   * agency_id, grade, points, reasons (jsonb array of { points, reason, awardedOn }) and
   * grade_since (date, China time).
   */
  grades: string;
  /** A boolean SQL condition: the public sanctions list names agency `agencyIdSql`. */
  hasSanctions(agencyIdSql: string): string;
}

@Injectable()
export class PublicRegisterSources {
  private credit: PublicCreditSql | null = null;

  register(credit: PublicCreditSql): void {
    this.credit = credit;
  }

  /** The registered fragments; the register must not answer without them (it would show no grades). */
  creditSql(): PublicCreditSql {
    if (!this.credit) throw new Error('No PublicCreditSql registered: the enforcement module registers it at init');
    return this.credit;
  }
}
