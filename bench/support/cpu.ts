import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) used so far by the processes matching, read from /proc (Linux only). */
export interface CpuSnapshot {
  api: number;
  /** Per backend pid: backends come and go with the pools' idle timeouts. */
  postgres: Map<string, number>;
  generator: number;
  /** The machine's CPU time so far, from the first line of /proc/stat. */
  machine: { busy: number; steal: number; total: number };
}

const TICKS_PER_SECOND = 100;

function cpuOf(pid: string): { comm: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/**
 * user nice system idle iowait irq softirq steal (guest time is inside user): `steal` is time the
 * hypervisor gave this virtual machine's CPUs to someone else — the noise these shared machines have.
 */
function machineTicks(): CpuSnapshot['machine'] {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, steal, total: busy + idle + iowait + steal };
}

export function cpuSnapshot(apiPid: number | null): CpuSnapshot {
  const postgres = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const cpu = cpuOf(pid);
    if (cpu?.comm === 'postgres') postgres.set(pid, cpu.seconds);
  }
  const { user, system } = process.cpuUsage();
  return { api: apiPid ? (cpuOf(String(apiPid))?.seconds ?? 0) : 0, postgres, generator: (user + system) / 1e6, machine: machineTicks() };
}

/** CPU all postgres processes used between the snapshots; a backend that exited in between is missed (an underestimate). */
function postgresSeconds(before: CpuSnapshot, after: CpuSnapshot): number {
  let seconds = 0;
  for (const [pid, now] of after.postgres) seconds += now - (before.postgres.get(pid) ?? 0);
  return seconds;
}

/** CPU milliseconds per accepted action, per process group, between two snapshots. Every postgres process counts, other databases' too. */
export function cpuPerAction(before: CpuSnapshot, after: CpuSnapshot, actions: number) {
  const per = (seconds: number) => Number(((seconds * 1000) / actions).toFixed(2));
  return { apiMs: per(after.api - before.api), postgresMs: per(postgresSeconds(before, after)), generatorMs: per(after.generator - before.generator), ...machineShares(before, after) };
}

/** Percent of all CPUs' time between the snapshots: busy (any process) and stolen by the hypervisor. */
export function machineShares(before: CpuSnapshot, after: CpuSnapshot) {
  const total = after.machine.total - before.machine.total || 1;
  const percent = (ticks: number) => Number(((100 * ticks) / total).toFixed(1));
  return { machineBusyPercent: percent(after.machine.busy - before.machine.busy), stealPercent: percent(after.machine.steal - before.machine.steal) };
}
