import { DomainError } from '@kasian/errors';
import type { ImportProblem, ImportWarning } from '@kasian/ita';

/** 400: every problem of the file at once (row, column, code, both messages); nothing was saved. */
export class ItaImportInvalidError extends DomainError {
  readonly code = 'ITA_IMPORT_INVALID';
  readonly httpStatus = 400;
  readonly messageTh: string;
  constructor(problems: readonly ImportProblem[]) {
    super(`The import has ${problems.length} problem(s); nothing was saved.`, { problems });
    this.messageTh = `ข้อมูลนำเข้ามีข้อผิดพลาด ${problems.length} รายการ ไม่มีการบันทึกข้อมูลใด`;
  }
}

/**
 * 422: the file is valid but shows inconsistencies of severity E or W (domain.md §9); it is saved
 * only when sent again with acceptWarnings=true, and the warnings are then stored with the import.
 */
export class ItaImportNeedsAcceptanceError extends DomainError {
  readonly code = 'ITA_IMPORT_NEEDS_ACCEPTANCE';
  readonly httpStatus = 422;
  readonly messageTh = 'ข้อมูลนำเข้ามีข้อสังเกตที่ต้องยืนยัน กรุณาตรวจสอบแล้วส่งใหม่พร้อม acceptWarnings=true';
  constructor(warnings: readonly ImportWarning[]) {
    const blocking = warnings.filter((w) => w.severity !== 'I');
    super(`The import shows ${blocking.length} inconsistenc${blocking.length === 1 ? 'y' : 'ies'} to review; send it again with acceptWarnings=true to save it with them.`, {
      blocking: blocking.map((w) => w.code),
      warnings,
    });
  }
}

export class ItaFiscalYearMismatchError extends DomainError {
  readonly code = 'ITA_FISCAL_YEAR_MISMATCH';
  readonly httpStatus = 400;
  readonly messageTh = 'ปีงบประมาณในข้อมูลไม่ตรงกับปีงบประมาณที่ระบุ';
  constructor(path: number, body: unknown) {
    super(`The address names fiscal year ${path}, the body ${String(body)}.`, { fiscalYear: path, bodyFiscalYear: body });
  }
}

export class ItaFrameworkExistsError extends DomainError {
  readonly code = 'ITA_FRAMEWORK_EXISTS';
  readonly httpStatus = 409;
  readonly messageTh = 'มีกรอบการประเมินของปีงบประมาณนี้อยู่แล้ว';
  constructor(fiscalYear: number) {
    super(`The framework of fiscal year ${fiscalYear} is already imported.`, { fiscalYear });
  }
}

export class ItaFrameworkMissingError extends DomainError {
  readonly code = 'ITA_FRAMEWORK_MISSING';
  readonly httpStatus = 409;
  readonly messageTh = 'ยังไม่ได้นำเข้ากรอบการประเมินของปีงบประมาณนี้';
  constructor(fiscalYear: number) {
    super(`Import the framework of fiscal year ${fiscalYear} first.`, { fiscalYear });
  }
}

export class ItaPlanExistsError extends DomainError {
  readonly code = 'ITA_PLAN_EXISTS';
  readonly httpStatus = 409;
  readonly messageTh = 'หน่วยงานมีมาตรการของปีงบประมาณนี้อยู่แล้ว แก้ไขเป็นรายมาตรการแทนการนำเข้าซ้ำ';
  constructor(fiscalYear: number, planId: string) {
    super(`Your office already has the measures of fiscal year ${fiscalYear}; edit them one by one.`, { fiscalYear, planId });
  }
}

export class ItaAssignmentsExistError extends DomainError {
  readonly code = 'ITA_ASSIGNMENTS_EXIST';
  readonly httpStatus = 409;
  readonly messageTh = 'มีการมอบหมายข้อ OIT ของปีงบประมาณนี้อยู่แล้ว';
  constructor(fiscalYear: number, codes: string[]) {
    super(`Items already assigned in fiscal year ${fiscalYear}: ${codes.join(', ')}.`, { fiscalYear, codes });
  }
}

export class ItaIndicatorAssignmentsExistError extends DomainError {
  readonly code = 'ITA_IIT_ASSIGNMENTS_EXIST';
  readonly httpStatus = 409;
  readonly messageTh = 'มีตารางตัวชี้วัด IIT ของปีงบประมาณนี้อยู่แล้ว';
  constructor(fiscalYear: number, codes: string[]) {
    super(`Indicators already in your office's table of fiscal year ${fiscalYear}: ${codes.join(', ')}.`, { fiscalYear, codes });
  }
}

export class ItaNotFoundError extends DomainError {
  readonly code = 'ITA_NOT_FOUND';
  readonly httpStatus = 404;
  readonly messageTh: string;
  constructor(what: string, whatTh: string, details: Record<string, unknown>) {
    super(`${what} was not found in your office.`, details);
    this.messageTh = `ไม่พบ${whatTh}ในหน่วยงานของท่าน`;
  }
}

export class ItaInvalidRequestError extends DomainError {
  readonly httpStatus = 400;
  constructor(
    readonly code: string,
    message: string,
    readonly messageTh: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class ItaConflictError extends DomainError {
  readonly httpStatus = 409;
  constructor(
    readonly code: string,
    message: string,
    readonly messageTh: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }
}
