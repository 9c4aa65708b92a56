/** Every string inside a document's content, in order: what search and diffs read. */
export function textOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textOf);
  return [];
}

/** Title and content as one searchable text; Thai is kept as is (trigram search needs no word breaks). */
export function searchTextOf(title: string, content: unknown): string {
  return [title, ...textOf(content)].join('\n').normalize('NFC');
}
