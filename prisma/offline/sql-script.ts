/**
 * Splits a migration script into statements at the semicolons that end them, skipping those inside
 * quotes, comments and dollar-quoted bodies (`$$ … $$`, `$fn$ … $fn$`). The pg driver adapter splits
 * on every semicolon, which breaks PL/pgSQL function bodies (ADR 0014 needs triggers).
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < script.length) {
    const end = skipQuoted(script, i);
    if (end > i) {
      i = end;
    } else if (script[i] === ';') {
      statements.push(script.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  statements.push(script.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}

const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** When a quoted or commented span starts at `i`, the index just after it; otherwise `i`. */
function skipQuoted(script: string, i: number): number {
  const two = script.slice(i, i + 2);
  if (two === '--') return until(script, '\n', i + 2);
  if (two === '/*') return until(script, '*/', i + 2);
  const char = script[i];
  if (char === "'" || char === '"') return closingQuote(script, char, i + 1);
  const tag = char === '$' ? DOLLAR_TAG.exec(script.slice(i, i + 64)) : null;
  return tag ? until(script, tag[0], i + tag[0].length) : i;
}

function until(script: string, closing: string, from: number): number {
  const at = script.indexOf(closing, from);
  return at < 0 ? script.length : at + closing.length;
}

/** A quote closes at the next quote that is not doubled ('it''s'). */
function closingQuote(script: string, quote: string, from: number): number {
  let at = script.indexOf(quote, from);
  while (at >= 0 && script[at + 1] === quote) at = script.indexOf(quote, at + 2);
  return at < 0 ? script.length : at + 1;
}
