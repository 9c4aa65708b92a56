import { Injectable } from '@nestjs/common';
import { EvidenceQueries } from '../evidence/evidence.queries';

/** What the dashboard and the links show of an evidence file. */
export interface EvidenceFileView {
  readonly id: string;
  /** File name as uploaded (Thai kept). */
  readonly name: string;
  readonly sha256: string;
  /** The Kasian document it is attached to, if any. */
  readonly documentId: string | null;
}

/** The evidence room as the ITA room reads it: only active files of the office are described. */
@Injectable()
export class EvidenceCatalogue {
  constructor(private readonly evidence: EvidenceQueries) {}

  async describe(officeId: string, evidenceIds: readonly string[]): Promise<Map<string, EvidenceFileView>> {
    return new Map((await this.evidence.describe(officeId, evidenceIds)).map((file) => [file.id, file]));
  }
}
