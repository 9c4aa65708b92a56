/** An ISO-8601 instant with an offset, e.g. "2025-10-21T09:00:00+07:00". The caller supplies every time. */
export type Instant = string;

/** Half-open validity: active from `startsAt` (inclusive) until `endsAt` (exclusive); `null` never ends. */
export function isActiveAt(startsAt: Instant, endsAt: Instant | null, at: Instant): boolean {
  const t = Date.parse(at);
  return Date.parse(startsAt) <= t && (endsAt === null || t < Date.parse(endsAt));
}
