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
}

// ๑. … ๒. … numbering inside a cell (not ๙.๔: the dot must not be followed by a digit).
const NUMBERED = /(?:^|\s)[0-9\u0E50-\u0E59]{1,2}\.(?![0-9\u0E50-\u0E59])\s*/u;
const SEPARATORS = /\s*,\s*|\s+\/\s+|\n/u;
const BARE_KIND = /\s(กอง|ฝ่าย|งาน|สำนัก)$/u;

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

/** Reads a ผู้รับผิดชอบ cell against the office's units; nothing is guessed: a cut name is only suggested. */
export function readResponsible(raw: string, units: readonly OfficeUnit[], officeNameTh: string): ResponsibleReading {
  const texts = splitResponsible(raw);
  const parts = texts.map((text) => ({ text, unitId: unitNamed(text, units, officeNameTh)?.id ?? null }));
  return { parts, wrapSplit: wrapSplitOf(raw, texts, units, officeNameTh) };
}
