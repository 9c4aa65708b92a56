/** The Bull queue of the worker's evidence upkeep. */
export const EVIDENCE_QUEUE = 'evidence';

export const EvidenceJob = {
  /**
   * Repeated every EVIDENCE_LOCK_SWEEP_SECONDS: puts the evidence of approved documents under
   * legal hold in MinIO and records `locked_at` (ADR 0012). It reads state, not messages, so a
   * missed or failed run is made good by the next one.
   */
  LockApproved: 'lock-approved',
  /**
   * Repeated every EVIDENCE_LOCK_SWEEP_SECONDS: aborts the multipart uploads the API could not abort (MinIO was down)
   * and those a dead API left behind, from the upload journal (ADR 0012).
   */
  AbortLeftUploads: 'abort-left-uploads',
} as const;

export interface AbortLeftUploadsResult {
  aborted: number;
  failed: number;
}

export interface LockApprovedResult {
  locked: number;
  failed: number;
}
