/**
 * What an import says about its input. Errors stop it (nothing is saved); warnings are the
 * seeds' inconsistencies (domain.md §9), reported by content and stored with the import, never
 * fixed. Severity follows §9: E and W need the importer's explicit acceptance, I is information.
 */
export type Severity = 'E' | 'W' | 'I';

/** Where a problem sits: `row` is the CSV line (header = 1) or the 1-based position in a JSON array. */
export interface CellRef {
  /** JSON array the row belongs to ("indicators", "oitItems", "rows"); null for CSV and top-level fields. */
  readonly section: string | null;
  readonly row: number | null;
  /** The column as printed (CSV header or JSON key). */
  readonly column: string | null;
}

export interface ImportProblem extends CellRef {
  readonly code: string;
  readonly message: string;
  readonly messageTh: string;
  /** The offending value, as given. */
  readonly value?: string;
}

export interface ImportWarning {
  /** Stable code of domain.md §9, e.g. W-CODE-DUPLICATE. */
  readonly code: string;
  readonly severity: Severity;
  /** The §9 entry it was found for, e.g. "I-11", when it is one of the seeds' known cases. */
  readonly seedRef: string | null;
  readonly section: string | null;
  /** Every row the finding involves. */
  readonly rows: readonly number[];
  readonly column: string | null;
  /** What the text says, verbatim. */
  readonly found: string;
  /** What was expected (the catalogue, a sum, the other citation), when there is one. */
  readonly expected: string | null;
  readonly message: string;
  readonly messageTh: string;
}

export const needsAcceptance = (warning: ImportWarning): boolean => warning.severity !== 'I';

export interface Analysis<T> {
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportWarning[];
  /** Null when there are errors. */
  readonly value: T | null;
}

export function problem(ref: Partial<CellRef>, code: string, message: string, messageTh: string, value?: string): ImportProblem {
  return { section: ref.section ?? null, row: ref.row ?? null, column: ref.column ?? null, code, message, messageTh, ...(value === undefined ? {} : { value }) };
}

export interface WarningInput {
  readonly code: string;
  readonly severity: Severity;
  readonly seedRef?: string | null;
  readonly section?: string | null;
  readonly rows: readonly number[];
  readonly column?: string | null;
  readonly found: string;
  readonly expected?: string | null;
  readonly message: string;
  readonly messageTh: string;
}

export function warning(input: WarningInput): ImportWarning {
  return { seedRef: null, section: null, column: null, expected: null, ...input };
}

export function analysis<T>(errors: ImportProblem[], warnings: ImportWarning[], value: () => T): Analysis<T> {
  return errors.length ? { errors, warnings, value: null } : { errors, warnings, value: value() };
}
