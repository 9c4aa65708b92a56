/** The Bull queue shared by the api (producer) and the worker (consumer) for upkeep jobs. */
export const HOUSEKEEPING_QUEUE = 'housekeeping';

export const HousekeepingJob = {
  /** Proves the path api → Redis → worker and records that a worker is alive. */
  Heartbeat: 'heartbeat',
} as const;

export interface HeartbeatPayload {
  nonce: string;
  requestedAt: string;
  /** Token subject of whoever asked, or "worker" for the scheduled beat. */
  requestedBy: string;
}

export interface HeartbeatResult {
  nonce: string;
  worker: { host: string; pid: number };
  processedAt: string;
  /** Milliseconds between the request and the worker picking it up. */
  queueLatencyMs: number;
}

/** Redis key holding the last heartbeat a worker processed (JSON HeartbeatResult). */
export const LAST_HEARTBEAT_KEY = 'kasian:worker:last-heartbeat';
