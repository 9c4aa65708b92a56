import { DomainError } from '@kasian/errors';

export type ThaiParseErrorCode =
  | 'THAI_DATE_UNPARSEABLE'
  | 'THAI_DATE_IMPOSSIBLE'
  | 'THAI_MONTH_UNKNOWN'
  | 'THAI_YEAR_MALFORMED'
  | 'THAI_YEAR_OUT_OF_RANGE'
  | 'THAI_PERIOD_UNPARSEABLE'
  | 'THAI_NUMBER_UNPARSEABLE'
  | 'THAI_AMOUNT_INVALID'
  | 'ITA_CODE_INVALID';

/**
 * Raised for Thai text that cannot be read as the value asked for. Never a silent fix:
 * `details.raw` is the text as given, `details.candidates` what a human might have meant.
 */
export class ThaiParseError extends DomainError {
  readonly httpStatus = 400;

  constructor(
    readonly code: ThaiParseErrorCode,
    message: string,
    readonly messageTh: string,
    readonly raw: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { raw, ...details });
  }
}
