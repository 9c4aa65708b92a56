import type { PhaseRecord, Sample } from './workload';

export interface Figures {
  decisions: number;
  decisionsPerSecond: number;
  actionsPerSecond: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  submitP99Ms: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The middle value (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sortedMs = (samples: Sample[]) => samples.map((s) => s.ms).sort((a, b) => a - b);

/** Latency percentiles of the decisions (successful ones); the rate counts every accepted action. */
export function figuresOf(record: PhaseRecord): Figures {
  const ok = record.samples.filter((s) => s.status === 200);
  const decisions = sortedMs(ok.filter((s) => s.kind === 'decide'));
  const submits = sortedMs(ok.filter((s) => s.kind === 'submit'));
  return {
    decisions: decisions.length,
    decisionsPerSecond: round(decisions.length / record.seconds),
    actionsPerSecond: round(ok.length / record.seconds),
    errors: record.samples.length - ok.length,
    p50Ms: round(percentile(decisions, 50)),
    p95Ms: round(percentile(decisions, 95)),
    p99Ms: round(percentile(decisions, 99)),
    maxMs: round(decisions.at(-1) ?? Number.NaN),
    submitP99Ms: round(percentile(submits, 99)),
    seconds: round(record.seconds, 2),
  };
}

export function errorCodes(record: PhaseRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of record.samples.filter((sample) => sample.status !== 200)) {
    const key = `${s.status} ${s.code ?? ''}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
