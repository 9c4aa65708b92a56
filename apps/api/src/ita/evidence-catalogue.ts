import { Injectable } from '@nestjs/common';

/** What the dashboard and the links show of an evidence file. */
export interface EvidenceFileView {
  readonly id: string;
  /** File name as uploaded (Thai kept). */
  readonly name: string;
  readonly sha256: string;
  /** The Kasian document version it is attached to, if any. */
  readonly documentId: string | null;
}

/**
 * The evidence store as the ITA room reads it. The store (table evidence_files, uploads, locking)
 * is built on another branch; until the lead wires its implementation here, links keep the
 * evidence id and the dashboard shows the id without name or hash (ADR 0013).
 */
export abstract class EvidenceCatalogue {
  /** False while no evidence store is wired: ids cannot be checked. */
  abstract readonly wired: boolean;
  abstract describe(officeId: string, evidenceIds: readonly string[]): Promise<Map<string, EvidenceFileView>>;
}

@Injectable()
export class UnwiredEvidenceCatalogue extends EvidenceCatalogue {
  readonly wired = false;

  async describe(): Promise<Map<string, EvidenceFileView>> {
    return new Map();
  }
}
