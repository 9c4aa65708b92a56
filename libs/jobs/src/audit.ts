/** The Bull queue of the worker's audit-trail upkeep (ADR 0014). */
export const AUDIT_QUEUE = 'audit';

export const AuditJob = {
  /** Sign the chain head of every office that moved since its last checkpoint, and store it in MinIO. */
  Checkpoint: 'audit-checkpoint',
  /** Verify every office's whole trail against its latest checkpoint; raise an alert on a break. */
  SelfCheck: 'audit-self-check',
} as const;

export interface AuditJobResult {
  offices: number;
  /** Checkpoints written, or trails verified. */
  done: number;
  /** Offices whose trail is broken (alerts raised). */
  broken: number;
}
