import { diffArrays } from 'diff';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface WordChange {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldChange {
  /** JSON path of the field, e.g. "sections[3].items[1]". */
  path: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
  /** For changed text: word by word, with Thai word boundaries from ICU (Thai has no spaces between words). */
  words?: WordChange[];
}

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });

function leaves(value: unknown, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, at ? `${at}.${key}` : key);
    else found.set(at, node);
  };
  walk(value, path);
  return found;
}

function wordDiff(before: string, after: string): WordChange[] {
  const words = (text: string) => [...thaiWords.segment(text)].map((s) => s.segment);
  return diffArrays(words(before), words(after)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value.join(''),
  }));
}

/** What changed between two versions' content, field by field, with a word diff for changed text. */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const old = leaves(before);
  const current = leaves(after);
  const paths = [...new Set([...old.keys(), ...current.keys()])];
  return paths.flatMap((path): FieldChange[] => {
    const [a, b] = [old.get(path), current.get(path)];
    if (!old.has(path)) return [{ path, kind: 'added', before: null, after: b }];
    if (!current.has(path)) return [{ path, kind: 'removed', before: a, after: null }];
    if (Object.is(a, b)) return [];
    const words = typeof a === 'string' && typeof b === 'string' ? wordDiff(a, b) : undefined;
    return [{ path, kind: 'changed', before: a, after: b, ...(words ? { words } : {}) }];
  });
}
