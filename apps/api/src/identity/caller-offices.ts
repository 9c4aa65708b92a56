import { Injectable } from '@nestjs/common';
import type { Principal } from '@kasian/auth';
import { SqlTransactions } from '@kasian/database';
import { NotAPersonOfAnOfficeError } from './identity.errors';

export interface CallerOffice {
  officeId: string;
  personId: string;
}

/**
 * Everything a caller reads or changes belongs to the office of the person behind their token
 * subject; an account not linked to a person of an office is refused (403) everywhere alike.
 */
@Injectable()
export class CallerOffices {
  constructor(private readonly sql: SqlTransactions) {}

  async of(principal: Principal): Promise<CallerOffice> {
    const [person] = await this.sql.query<CallerOffice>(`SELECT id AS "personId", office_id AS "officeId" FROM people WHERE subject = $1`, [principal.subject], 'caller.office');
    if (!person) throw new NotAPersonOfAnOfficeError(principal.subject);
    return person;
  }
}
