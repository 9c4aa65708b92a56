const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * A cell as a person reads it: the seeds' extraction left HTML in some cells (`<p>`, `<ul>`,
 * checkboxes); paragraphs and list items become lines, other tags go, wrap spaces stay.
 */
export function cellText(raw: string): string {
  return raw
    .replace(/<input[^>]*>/gi, '')
    .replace(/<\/(p|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, (e) => ENTITIES[e.toLowerCase()] ?? e)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** For comparisons only: no whitespace at all (wrap spaces, I-22), NFC. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

export function sameText(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

/** Thai tone marks (ไม้เอก … ไม้จัตวา), which a misprint drops (`ปาตึง`). */
export function withoutToneMarks(text: string): string {
  return text.replace(/[\u0E48-\u0E4B]/gu, '');
}

// Words that cannot end a sentence in an official text: a cell ending in one was cut (I-19).
const DANGLING = new Set(['ใน', 'ของ', 'และ', 'หรือ', 'ที่', 'กับ', 'โดย', 'เพื่อ', 'แก่', 'ต่อ', 'จาก', 'ตาม', 'ซึ่ง', 'แต่', 'ให้']);
const WORDS = new Intl.Segmenter('th', { granularity: 'word' });

/** The last word when it is one that needs a continuation (`…ครอบคลุมใน`), found by Thai word breaking, not by suffix (`เจ้าหน้าที่`). */
export function endsMidSentence(text: string): string | null {
  const words = [...WORDS.segment(text.trim())].filter((s) => s.isWordLike);
  const last = words.at(-1)?.segment;
  return last && words.length > 1 && DANGLING.has(last) ? last : null;
}

export type CheckedLabel = { readonly label: string; readonly checked: boolean };

const CHECKBOX = /<input([^>]*)type="checkbox"[^>]*>\s*/giu;

/**
 * `<input type="checkbox"/> ยังไม่ได้ดำเนินการ <input checked="" type="checkbox"/> ดำเนินการ - …`: each box
 * with the label (one of `labels`, longest first) printed after it, and the text without boxes and labels.
 * The checked attribute decides, not the labels (§6.1).
 */
export function checkboxes(raw: string, labels: readonly string[]): { boxes: CheckedLabel[]; rest: string } {
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  const boxes: CheckedLabel[] = [];
  let rest = '';
  let from = 0;
  for (const match of raw.matchAll(CHECKBOX)) {
    const after = raw.slice(match.index + match[0].length);
    const label = sorted.find((l) => after.startsWith(l)) ?? '';
    boxes.push({ label, checked: /\bchecked\b/i.test(match[1]) });
    rest += raw.slice(from, match.index);
    from = match.index + match[0].length + label.length;
  }
  return { boxes, rest: rest + raw.slice(from) };
}
