import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as section5 from './__fixtures__/domain-section-5';
import { DOMAIN_MD_VARIABLE, digitCodeSpans, domainMdPath, domainMdSection, readSection5Copy } from './__testing__/domain-md';

/** Every text the §5 tables hold: the first element of a row, a row's `raw`, or a row itself. */
function tableTexts(): Set<string> {
  const { FRAGMENTS, ...tables } = section5;
  const texts = Object.values(tables).flatMap((rows) =>
    rows.map((row: unknown) => (typeof row === 'string' ? row : Array.isArray(row) ? row[0] : (row as { raw: string }).raw)),
  );
  return new Set(texts);
}

function uncovered(tokens: readonly string[], texts: ReadonlySet<string>): string[] {
  const fragmentOf = (token: string) => section5.FRAGMENTS[token];
  return tokens.filter((token) => !texts.has(token) && !(fragmentOf(token) && texts.has(fragmentOf(token)) && fragmentOf(token).includes(token)));
}

describe('domain.md §5: every date and number is in a tested table', () => {
  const tokens = digitCodeSpans(readSection5Copy());

  it('tests against a copy of §5 that is domain.md’s §5 as it is now (when domain.md is at hand)', () => {
    const path = domainMdPath();
    const copy = readSection5Copy();
    expect(copy).toMatch(/^## §5 Numbers, dates and digits\n/);
    if (path) expect(copy).toBe(domainMdSection(readFileSync(path, 'utf8'), '§5'));
  });
  const texts = tableTexts();

  it('finds §5 and its quoted dates and numbers', () => {
    expect(tokens.length).toBeGreaterThan(100);
    expect(tokens).toEqual(expect.arrayContaining(['วันที่ ๒๑ ตุลาคม ๒๕๖๘', 'ต.ค.๖๖-ก.ย. ๖๗', 'ITA ๒๐๒๓', '7,850 แห่ง']));
  });

  it('has each of them in the spec tables (libs/thai/src/__fixtures__/domain-section-5.ts)', () => {
    expect(uncovered(tokens, texts)).toEqual([]);
  });

  it('holds no fragment that §5 no longer quotes', () => {
    expect(Object.keys(section5.FRAGMENTS).filter((fragment) => !tokens.includes(fragment))).toEqual([]);
  });

  it('would fail for a new entry: a date added to §5 is reported', () => {
    const grown = `## §5 Numbers\n| \`วันที่ ๑ มกราคม ๒๕๖๙\` | 004 |\n${tokens.map((t) => `\`${t}\``).join(' ')}\n## §6 Next\n`;
    expect(uncovered(digitCodeSpans(domainMdSection(grown, '§5')), texts)).toEqual(['วันที่ ๑ มกราคม ๒๕๖๙']);
  });
});

describe('finding domain.md', () => {
  const saved = process.env[DOMAIN_MD_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[DOMAIN_MD_VARIABLE];
    else process.env[DOMAIN_MD_VARIABLE] = saved;
  });

  it(`takes ${DOMAIN_MD_VARIABLE} when set, and refuses one that names no file`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kasian-domain-'));
    try {
      writeFileSync(join(dir, 'domain.md'), '# x\n## §5 Numbers\n`๑`\n');
      process.env[DOMAIN_MD_VARIABLE] = join(dir, 'domain.md');
      expect(domainMdPath()).toBe(join(dir, 'domain.md'));
      process.env[DOMAIN_MD_VARIABLE] = join(dir, 'missing.md');
      expect(() => domainMdPath()).toThrow(`${DOMAIN_MD_VARIABLE} names`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when the section is gone', () => {
    expect(() => domainMdSection('## §4 Orders\n`๑`\n', '§5')).toThrow('no section "## §5"');
  });
});
