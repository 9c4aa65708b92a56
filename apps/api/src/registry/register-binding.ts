import type { SqlExecutor } from '@kasian/database';
import { RegisterChoiceRequiredError, RegisterDocumentKindMismatchError, RegisterUnknownError } from './registry.errors';

interface RegisterChoice {
  id: string;
  code: string;
  nameTh: string;
  documentKind: string;
}

/**
 * The register that will number a new document (ADR 0011): the one the drafter chose, which must
 * be the office's (400 REGISTER_UNKNOWN) and for the document's kind; otherwise the office's only register of that kind;
 * none when the office keeps none (the document is never numbered by Kasian). With several
 * registers of the kind the drafter must choose.
 */
export async function bindRegister(sql: SqlExecutor, officeId: string, documentId: string, kind: string, chosen?: string): Promise<string | null> {
  const registers = await sql.query<RegisterChoice>(
    `SELECT id, code, name_th AS "nameTh", document_kind::text AS "documentKind" FROM registers
      WHERE office_id = $1::uuid AND (id = $2::uuid OR ($2::uuid IS NULL AND document_kind::text = $3)) ORDER BY code`,
    [officeId, chosen ?? null, kind],
    'register.binding',
  );
  if (chosen) {
    const register = registers[0];
    if (!register) throw new RegisterUnknownError(chosen);
    if (register.documentKind !== kind) throw new RegisterDocumentKindMismatchError(documentId, kind, register.documentKind);
    return register.id;
  }
  if (registers.length > 1) throw new RegisterChoiceRequiredError(kind, registers);
  return registers[0]?.id ?? null;
}
