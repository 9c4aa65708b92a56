import { type ImportWarning, warning } from './problems';
import { cellText, squash } from './text';

/** A unit of the office, with its parent's name (งานพัสดุ under กองคลัง is printed "งานพัสดุ กองคลัง"). */
export interface OfficeUnit {
  readonly id: string;
  readonly nameTh: string;
  readonly parentNameTh: string | null;
}

/** One responsible party of a ผู้รับผิดชอบ cell: the text as published and the unit it names, if any. */
export interface ResponsiblePart {
  readonly text: string;
  readonly unitId: string | null;
}

/** A unit name cut by line wrapping (I-22): "งานพัสดุ กอง … คลัง" probably means "งานพัสดุ กองคลัง". */
export interface WrapSplit {
  readonly found: string;
  readonly suggestion: string;
}

export interface ResponsibleReading {
  readonly parts: readonly ResponsiblePart[];
  readonly wrapSplit: WrapSplit | null;
  /** A phrase naming every unit (`ทุกส่วนงาน`), read as each top-level unit of the office. */
  readonly allUnits: { readonly found: string; readonly units: readonly string[] } | null;
}

// ๑. … ๒. … numbering inside a cell (not ๙.๔: the dot must not be followed by a digit).
const NUMBERED = /(?:^|\s)[0-9\u0E50-\u0E59]{1,2}\.(?![0-9\u0E50-\u0E59])\s*/u;
const SEPARATORS = /\s*,\s*|\s+\/\s+|\n/u;
const BARE_KIND = /\s(กอง|ฝ่าย|งาน|สำนัก)$/u;
// "All units" as the seeds print it (001 IIT ๑, 000 every measure), compared without whitespace.
const ALL_UNITS = new Set(['ทุกส่วนงาน', 'ทุกสำนัก/กอง', 'ทุกสำนักกอง', 'ทุกกอง', 'ทุกส่วนราชการ', 'ทุกหน่วยงาน'].map(squash));

/** The parties of a ผู้รับผิดชอบ cell: lines, ๑. ๒. numbering, commas and " / " separate them. */
export function splitResponsible(raw: string): string[] {
  return cellText(raw)
    .split(SEPARATORS)
    .flatMap((line) => line.split(NUMBERED))
    .map((part) => part.trim())
    .filter(Boolean);
}

function unitKeys(unit: OfficeUnit): string[] {
  const name = squash(unit.nameTh);
  return unit.parentNameTh ? [name, name + squash(unit.parentNameTh)] : [name];
}

/** The unit a part names exactly (whitespace aside, the office's own name allowed at the end), or null. */
export function unitNamed(part: string, units: readonly OfficeUnit[], officeNameTh: string): OfficeUnit | null {
  const key = squash(part);
  const office = squash(officeNameTh);
  const withoutOffice = key.endsWith(office) ? key.slice(0, -office.length) : key;
  return units.find((unit) => unitKeys(unit).some((k) => k === key || k === withoutOffice)) ?? null;
}

function wrapSplitOf(raw: string, parts: readonly string[], units: readonly OfficeUnit[], officeNameTh: string): WrapSplit | null {
  const tail = cellText(raw).split(/\s+/u).at(-1) ?? '';
  for (const part of parts) {
    const kind = BARE_KIND.exec(part)?.[1];
    if (!kind || part === parts.at(-1)) continue;
    const suggestion = `${part}${tail}`;
    if (unitNamed(suggestion, units, officeNameTh) || unitNamed(`${kind}${tail}`, units, officeNameTh)) {
      return { found: `${part} … ${tail}`, suggestion };
    }
  }
  return null;
}

const topLevel = (units: readonly OfficeUnit[]) => units.filter((u) => !u.parentNameTh);
const namesEveryUnit = (text: string, units: readonly OfficeUnit[]) => ALL_UNITS.has(squash(text)) && topLevel(units).length > 0;

/** A part naming every unit stands for each top-level unit (สำนักปลัด and the กอง), linked with that text. */
function partsOf(text: string, units: readonly OfficeUnit[], officeNameTh: string): ResponsiblePart[] {
  if (namesEveryUnit(text, units)) return topLevel(units).map((u) => ({ text, unitId: u.id }));
  return [{ text, unitId: unitNamed(text, units, officeNameTh)?.id ?? null }];
}

/** Reads a ผู้รับผิดชอบ cell against the office's units; nothing is guessed: a cut name is only suggested. */
export function readResponsible(raw: string, units: readonly OfficeUnit[], officeNameTh: string): ResponsibleReading {
  const texts = splitResponsible(raw);
  const all = texts.find((text) => namesEveryUnit(text, units));
  return {
    parts: texts.flatMap((text) => partsOf(text, units, officeNameTh)),
    wrapSplit: wrapSplitOf(raw, texts, units, officeNameTh),
    allUnits: all ? { found: all, units: topLevel(units).map((u) => u.nameTh) } : null,
  };
}

/** The units a reading links, each with the part of the text that names it. */
export function linkedUnits(reading: ResponsibleReading): { unitId: string; text: string }[] {
  const units = new Map(reading.parts.filter((p) => p.unitId).map((p) => [p.unitId!, p.text]));
  return [...units].map(([unitId, text]) => ({ unitId, text }));
}

/** What a reading could not link or only suggests (information: the text is kept as published). */
export function responsibleWarnings(reading: ResponsibleReading, at: { section: string | null; rows: readonly number[]; column: string }): ImportWarning[] {
  const warnings = reading.parts.filter((p) => !p.unitId).map((part) =>
    warning({ code: 'W-RESPONSIBLE-UNMATCHED', severity: 'I', ...at, found: part.text, message: `"${part.text}" names no unit of the office; the text is kept and no unit is linked.`, messageTh: `"${part.text}" ไม่ตรงกับหน่วยงานใดในองค์กร เก็บข้อความไว้โดยไม่เชื่อมโยงหน่วยงาน` }),
  );
  if (reading.allUnits) {
    const { found, units } = reading.allUnits;
    warnings.push(warning({ code: 'W-RESPONSIBLE-ALL-UNITS', severity: 'I', ...at, found, expected: units.join(', '), message: `"${found}" is read as every top-level unit of the office (${units.join(', ')}).`, messageTh: `อ่าน "${found}" เป็นทุกหน่วยงานระดับสำนัก/กอง (${units.join(', ')})` }));
  }
  if (reading.wrapSplit) {
    const { found, suggestion } = reading.wrapSplit;
    warnings.push(warning({ code: 'W-CELL-WRAP-SPLIT', severity: 'I', seedRef: 'I-22', ...at, found, expected: suggestion, message: `"${found}" looks like "${suggestion}" cut by line wrapping; a person maps the units.`, messageTh: `"${found}" น่าจะเป็น "${suggestion}" ที่ถูกตัดบรรทัด ให้ผู้ใช้เชื่อมโยงหน่วยงานเอง` }));
  }
  return warnings;
}
