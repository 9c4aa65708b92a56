import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { StorageService } from '@kasian/storage';
import type { SignedCheckpoint } from './checkpoint';

const signedCheckpointSchema = z.object({
  checkpoint: z.object({ v: z.literal(1), officeId: z.string(), seq: z.number().int().positive(), hash: z.string(), time: z.string() }).strict(),
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  signature: z.string(),
  timestamp: z.object({ authority: z.string(), response: z.string() }).strict().nullable(),
});

/** `<office>/<seq, 20 digits>.json`: key order is chain order. */
export function checkpointKey(officeId: string, seq: number): string {
  return `${officeId}/${String(seq).padStart(20, '0')}.json`;
}

const seqOfKey = (key: string) => Number(key.slice(key.lastIndexOf('/') + 1, -'.json'.length)) || 0;

export interface StoredCheckpoint {
  key: string;
  versionId: string;
  signed: SignedCheckpoint;
}

/**
 * Signed checkpoints in the object-locked checkpoints bucket. Reads every stored version, not only
 * the current one, so a delete marker or a later version put over a key cannot hide a checkpoint.
 * An object that is not a well-formed signed checkpoint comes back with an empty signature, so the
 * verifier reports it (bad_signature) at the position its key names.
 */
@Injectable()
export class CheckpointStore {
  constructor(private readonly storage: StorageService) {}

  async write(signed: SignedCheckpoint): Promise<StoredCheckpoint> {
    const key = checkpointKey(signed.checkpoint.officeId, signed.checkpoint.seq);
    const stored = await this.storage.put('checkpoints', key, Buffer.from(`${JSON.stringify(signed)}\n`), 'application/json');
    return { key, versionId: stored.versionId ?? 'null', signed };
  }

  /** Every checkpoint of the office, in chain order. */
  async all(officeId: string): Promise<StoredCheckpoint[]> {
    return this.read(officeId, await this.storage.versions('checkpoints', `${officeId}/`));
  }

  /**
   * The office's highest checkpoint (every stored version of it), listing only keys from `hintSeq`
   * on (the database's own note of the last one), and everything when nothing is found there: a
   * wrong hint costs a full listing, never a missed checkpoint.
   */
  async latest(officeId: string, hintSeq = 0): Promise<StoredCheckpoint[]> {
    const prefix = `${officeId}/`;
    let versions = hintSeq > 1 ? await this.storage.versions('checkpoints', prefix, checkpointKey(officeId, hintSeq - 1)) : [];
    if (!versions.some((v) => !v.isDeleteMarker)) versions = await this.storage.versions('checkpoints', prefix);
    const last = versions.filter((v) => !v.isDeleteMarker).at(-1)?.key;
    return this.read(officeId, versions.filter((v) => v.key === last));
  }

  private async read(officeId: string, versions: { key: string; versionId: string; isDeleteMarker: boolean }[]): Promise<StoredCheckpoint[]> {
    const found: StoredCheckpoint[] = [];
    for (const { key, versionId, isDeleteMarker } of versions) {
      if (isDeleteMarker) continue;
      found.push({ key, versionId, signed: parseCheckpoint(await this.storage.read('checkpoints', key, versionId), officeId, seqOfKey(key)) });
    }
    return found;
  }
}

/** A stored object as a signed checkpoint, or an unsigned placeholder at the key's position when it is not one. */
export function parseCheckpoint(bytes: Buffer | string, officeId: string, seq: number): SignedCheckpoint {
  try {
    return signedCheckpointSchema.parse(JSON.parse(bytes.toString())) as SignedCheckpoint;
  } catch {
    return { checkpoint: { v: 1, officeId, seq, hash: '', time: '' }, algorithm: 'Ed25519', keyId: '', signature: '', timestamp: null };
  }
}
