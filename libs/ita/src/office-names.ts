import { type ImportWarning, warning } from './problems';
import { groupBy } from './source-map';
import { squash, withoutToneMarks } from './text';

/** The office that issues the text, with its kind as in the offices table. */
export interface IssuingOffice {
  readonly nameTh: string;
  readonly kind: string;
  /** The office's own website as it prints it (`www.patueng.go.th`); other government sites in its texts are another office's (I-16). */
  readonly website?: string | null;
}

export interface OfficeMention {
  readonly found: string;
  /** Another spelling of the office itself (I-15), or another office's name left in the text (I-16). */
  readonly kind: 'variant' | 'foreign';
}

interface KindForms {
  /** Full prefixes and abbreviations the office writes its own name with. */
  readonly canonical: readonly string[];
  /** Misspellings seen in the seeds (I-15); อบรม ("training") stands in for อบต. */
  readonly variants: readonly string[];
}

const FORMS: Record<string, KindForms> = {
  SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION: {
    canonical: ['องค์การบริหารส่วนตำบล', 'อบต.'],
    variants: ['องค์กรการบริหารส่วนตำบล', 'องค์กรบริหารส่วนตำบล', 'องค์การบริหารส่วน', 'อบรม.', 'อบรมฯ'],
  },
  SUBDISTRICT_MUNICIPALITY: { canonical: ['เทศบาลตำบล', 'ทต.'], variants: [] },
  TOWN_MUNICIPALITY: { canonical: ['เทศบาลเมือง', 'ทม.'], variants: [] },
  CITY_MUNICIPALITY: { canonical: ['เทศบาลนคร', 'ทน.'], variants: [] },
  PROVINCIAL_ADMINISTRATIVE_ORGANIZATION: { canonical: ['องค์การบริหารส่วนจังหวัด', 'อบจ.'], variants: [] },
};

const TONE = /[\u0E48-\u0E4B]/u;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form that tolerates the wrap spaces of the extraction between any two letters (I-22). */
const spaced = (form: string) => [...form].map(escape).join('\\s*');

function shortName(office: IssuingOffice, forms: KindForms): string {
  const full = forms.canonical[0];
  return office.nameTh.startsWith(full) ? office.nameTh.slice(full.length).trim() : office.nameTh;
}

/** The first `letters` letters of `text` (tone marks and spaces not counted), with the marks that follow them. */
function leading(text: string, letters: number): string {
  let count = 0;
  let i = 0;
  for (; i < text.length && count < letters; i++) if (!TONE.test(text[i]) && !/\s/u.test(text[i])) count++;
  while (i < text.length && TONE.test(text[i])) i++;
  return text.slice(0, i);
}

function classify(form: string, rest: string, forms: KindForms, name: string): OfficeMention | null {
  const variantForm = forms.variants.includes(form);
  const bareName = withoutToneMarks(squash(name));
  const gap = /^\s?/u.exec(rest)![0];
  const after = rest.slice(gap.length);
  if (withoutToneMarks(squash(after)).startsWith(bareName)) {
    const written = leading(after, bareName.length);
    const misspelt = squash(written) !== squash(name);
    return variantForm || misspelt ? { kind: 'variant', found: `${form}${gap}${written}` } : null;
  }
  const token = /^[\u0E01-\u0E4E]+/u.exec(after)?.[0] ?? '';
  const abbreviation = /[.ฯ]$/u.test(form);
  const nameLike = token.length > 0 && token[0] === name[0] && Math.abs(token.length - name.length) <= 2;
  if (abbreviation && nameLike) return { kind: 'foreign', found: `${form}${gap}${token}` };
  return variantForm ? { kind: 'variant', found: form } : null;
}

/**
 * How a text names offices (I-15, I-16): spellings of the issuing office other than its own, and
 * names of another office left in a copied text (`อบรม.ปาดัง` in ป่าตึง's plan). Reported, never changed.
 */
export function officeMentions(text: string, office: IssuingOffice): OfficeMention[] {
  const forms = FORMS[office.kind];
  if (!forms) return [];
  const name = shortName(office, forms);
  const all = [...forms.canonical, ...forms.variants].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(all.map(spaced).join('|'), 'gu');
  const mentions: OfficeMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const form = all.find((f) => squash(f) === squash(match[0]))!;
    const mention = classify(form, text.slice(match.index + match[0].length), forms, name);
    if (mention) mentions.push({ ...mention, found: mention.found.replace(form, match[0]) });
  }
  return mentions;
}

// A government site (`https://Muangkun.go.th`, `patueng.go.th/ita`): a .go.th host names its office.
const GOVERNMENT_SITE = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+go\.th(?!\.?[a-z0-9-])(?:\/[^\s<>"]*)?/giu;

const hostOf = (site: string) => site.replace(/^https?:\/\//iu, '').split('/')[0].toLowerCase().replace(/^www\./u, '');

/**
 * Government websites in a text that are not the issuing office's own (I-16: `https://Muangkun.go.th`
 * in ป่าตึง's report, whose site is www.patueng.go.th), as printed. Without a recorded website
 * nothing can be told apart, so nothing is reported; other domains (facebook.com) name no office.
 */
export function foreignWebsites(text: string, office: IssuingOffice): string[] {
  if (!office.website) return [];
  const own = hostOf(office.website);
  return [...text.matchAll(GOVERNMENT_SITE)].map((m) => m[0].replace(/[.,;:)]+$/u, '')).filter((site) => {
    const host = hostOf(site);
    return host !== own && !host.endsWith(`.${own}`);
  });
}

interface Reference {
  readonly kind: OfficeMention['kind'] | 'website';
  readonly found: string;
  readonly rows: readonly number[];
  readonly column: string;
}

function referenceWarning(same: readonly Reference[], office: IssuingOffice, section: string | null): ImportWarning {
  const { kind, found: text } = same[0];
  const at = { section, rows: [...new Set(same.flatMap((m) => m.rows))], column: [...new Set(same.map((m) => m.column))].join(', '), found: text };
  if (kind === 'website') {
    return warning({ code: 'W-FOREIGN-OFFICE-REFERENCE', severity: 'E', seedRef: 'I-16', ...at, expected: office.website!, message: `"${text}" is another office's website, not ${office.website}: probably left from a copied text.`, messageTh: `"${text}" เป็นเว็บไซต์ของหน่วยงานอื่น ไม่ใช่ ${office.website} อาจคัดลอกมาจากเอกสารอื่น` });
  }
  if (kind === 'foreign') {
    return warning({ code: 'W-FOREIGN-OFFICE-REFERENCE', severity: 'E', seedRef: 'I-16', ...at, expected: office.nameTh, message: `"${text}" names another office than ${office.nameTh}: probably left from a copied text.`, messageTh: `"${text}" เป็นชื่อหน่วยงานอื่น ไม่ใช่${office.nameTh} อาจคัดลอกมาจากเอกสารอื่น` });
  }
  return warning({ code: 'W-OFFICE-NAME-VARIANT', severity: 'W', seedRef: 'I-15', ...at, expected: office.nameTh, message: `"${text}" is another spelling of ${office.nameTh}; kept as printed.`, messageTh: `"${text}" เป็นการสะกดชื่อ${office.nameTh}แบบอื่น เก็บไว้ตามที่พิมพ์` });
}

/**
 * I-15, I-16 as warnings: other spellings of the issuing office, and another office's name or
 * website left in its text. One warning per text found, with every row and column it occurs in.
 */
export function officeReferenceWarnings(cells: readonly { text: string; rows: readonly number[]; column: string }[], office: IssuingOffice, section: string | null): ImportWarning[] {
  const found: Reference[] = cells.flatMap((cell) => [
    ...officeMentions(cell.text, office).map((m) => ({ ...m, rows: cell.rows, column: cell.column })),
    ...foreignWebsites(cell.text, office).map((site) => ({ kind: 'website' as const, found: site, rows: cell.rows, column: cell.column })),
  ]);
  return [...groupBy(found, (m) => `${m.kind}|${m.found}`).values()].map((same) => referenceWarning(same, office, section));
}
