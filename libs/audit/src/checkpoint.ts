import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@kasian/canonical';

/** An office's chain head at a moment: what the worker signs (ADR 0014). */
export interface CheckpointBody {
  v: 1;
  officeId: string;
  seq: number;
  /** hash(seq), lower-case hex. */
  hash: string;
  /** When it was signed, ISO-8601 UTC. */
  time: string;
}

/** An RFC 3161 time-stamp over SHA-256 of the canonical checkpoint body, when a TSA is configured. */
export interface CheckpointTimestamp {
  authority: string;
  /** The TSA's TimeStampResp, DER, base64 (check it with `openssl ts -verify`). */
  response: string;
}

/** The object stored in the checkpoints bucket, one JSON document each. */
export interface SignedCheckpoint {
  checkpoint: CheckpointBody;
  algorithm: 'Ed25519';
  /** SHA-256 (hex) of the signing key's public key in SPKI DER: which public key verifies it. */
  keyId: string;
  /** Ed25519 signature over UTF-8 canonical JSON of `checkpoint`, base64. */
  signature: string;
  timestamp: CheckpointTimestamp | null;
}

/** The bytes that are signed and time-stamped. */
export function checkpointBytes(body: CheckpointBody): Buffer {
  return Buffer.from(canonicalJson(body));
}

export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, checkpointBytes(body), privateKey).toString('base64');
  return { checkpoint: body, algorithm: 'Ed25519', keyId: keyIdOf(privateKey), signature, timestamp: null };
}

/** Every PEM public key in a text (a file may list the current key and retired ones). */
export function parsePublicKeys(pem: string): KeyObject[] {
  const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((block) => createPublicKey(block)).filter((key) => key.asymmetricKeyType === 'ed25519');
}

/** The public keys checkpoints may be signed with, by key id. */
export class PublicKeyRing {
  private readonly keys: Map<string, KeyObject>;

  constructor(keys: KeyObject[]) {
    this.keys = new Map(keys.map((key) => [keyIdOf(key), key]));
  }

  static fromPem(pem: string): PublicKeyRing {
    return new PublicKeyRing(parsePublicKeys(pem));
  }

  get size(): number {
    return this.keys.size;
  }

  /** The key ids (hex SHA-256 of each SPKI public key): the fingerprints an office publishes. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** The keys as PEM, for an export. */
  toPem(): string {
    return [...this.keys.values()].map((key) => key.export({ type: 'spki', format: 'pem' }).toString()).join('');
  }

  /** True when the checkpoint is signed by one of these keys, over exactly its body. */
  verify(signed: SignedCheckpoint): boolean {
    const key = this.keys.get(signed.keyId);
    if (!key || signed.algorithm !== 'Ed25519' || typeof signed.signature !== 'string') return false;
    return verify(null, checkpointBytes(signed.checkpoint), key, Buffer.from(signed.signature, 'base64'));
  }
}
