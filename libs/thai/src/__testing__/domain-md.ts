import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Overrides where domain.md is looked for. */
export const DOMAIN_MD_VARIABLE = 'KASIAN_DOMAIN_MD';

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

/** §5 of domain.md as committed with the tests, so they need nothing outside the checkout. */
export const SECTION_5_COPY = fileURLToPath(new URL('../__fixtures__/domain-section-5.md', import.meta.url));

/**
 * Where `shared/domain.md` is, if it is at hand: beside the checkout (/work/main) or one level
 * further up (worktrees), or where KASIAN_DOMAIN_MD says (which must then exist).
 */
export function domainMdPath(): string | null {
  const fromVariable = process.env[DOMAIN_MD_VARIABLE];
  if (fromVariable) {
    if (!existsSync(fromVariable)) throw new Error(`${DOMAIN_MD_VARIABLE} names ${fromVariable}, which does not exist.`);
    return resolve(fromVariable);
  }
  return [resolve(REPOSITORY, '../shared/domain.md'), resolve(REPOSITORY, '../../shared/domain.md')].find((path) => existsSync(path)) ?? null;
}

/** The text of the `## §n …` section, up to the next `## ` heading. */
export function domainMdSection(markdown: string, section: string): string {
  const start = markdown.search(new RegExp(`^## ${section} `, 'm'));
  if (start < 0) throw new Error(`domain.md has no section "## ${section}".`);
  const next = markdown.slice(start + 1).search(/^## /m);
  return next < 0 ? markdown.slice(start) : markdown.slice(start, start + 1 + next);
}

/** The text of every `code` span that holds a Thai or Arabic digit, in order, without repeats. */
export function digitCodeSpans(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...new Set(spans.filter((span) => /[0-9\u0E50-\u0E59]/.test(span)))];
}

export function readSection5Copy(): string {
  return domainMdSection(readFileSync(SECTION_5_COPY, 'utf8'), '§5');
}
