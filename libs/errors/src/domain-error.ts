/**
 * The one error type the domain raises. Each subclass fixes a machine-readable
 * code, the HTTP status the API answers with, and a message in English and Thai.
 * The exception filter is the only place that turns these into responses.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  abstract readonly messageTh: string;

  constructor(
    message: string,
    readonly details?: Record<string, unknown> | unknown[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  messageTh: string;
  details?: Record<string, unknown> | unknown[];
  requestId?: string;
}
