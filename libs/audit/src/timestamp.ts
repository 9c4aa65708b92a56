import { createHash, randomBytes } from 'node:crypto';
import { checkpointBytes, type CheckpointBody, type CheckpointTimestamp } from './checkpoint';

/**
 * The optional RFC 3161 hook (ADR 0014): a time-stamping authority countersigns the moment a
 * checkpoint existed. The worker asks after signing; without a configured TSA (AUDIT_TSA_URL) or
 * when it fails, the checkpoint is stored without a token. Tokens are kept, not verified here:
 * `openssl ts -verify` checks them against the TSA's certificate.
 */
export abstract class TimestampAuthority {
  abstract stamp(body: CheckpointBody): Promise<CheckpointTimestamp | null>;
}

export class NoTimestampAuthority extends TimestampAuthority {
  async stamp(): Promise<null> {
    return null;
  }
}

/** RFC 3161 over HTTP (`application/timestamp-query`), imprint SHA-256 of the canonical checkpoint body. */
export class Rfc3161TimestampAuthority extends TimestampAuthority {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async stamp(body: CheckpointBody): Promise<CheckpointTimestamp> {
    const digest = createHash('sha256').update(checkpointBytes(body)).digest();
    const nonce = randomBytes(8);
    nonce[0] &= 0x7f;
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: timeStampRequest(digest, nonce),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`the TSA answered HTTP ${response.status}`);
    const reply = Buffer.from(await response.arrayBuffer());
    const status = pkiStatusOf(reply);
    if (status !== 0 && status !== 1) throw new Error(`the TSA refused the request (PKIStatus ${status})`);
    return { authority: this.url, response: reply.toString('base64') };
  }
}

const SHA256_ALGORITHM = Buffer.from('300d06096086480165030402010500', 'hex');

/** DER TimeStampReq: v1, SHA-256 imprint, optional nonce, certReq TRUE. */
export function timeStampRequest(digest: Buffer, nonce?: Buffer): Buffer {
  const imprint = der(0x30, Buffer.concat([SHA256_ALGORITHM, der(0x04, digest)]));
  const nonceField = nonce ? der(0x02, nonce[0] & 0x80 ? Buffer.concat([Buffer.of(0), nonce]) : nonce) : Buffer.alloc(0);
  return der(0x30, Buffer.concat([der(0x02, Buffer.of(1)), imprint, nonceField, der(0x01, Buffer.of(0xff))]));
}

/** The PKIStatus of a DER TimeStampResp (SEQUENCE { SEQUENCE { INTEGER status … } … }), or -1 when it is not one. */
export function pkiStatusOf(reply: Buffer): number {
  let at = 0;
  for (const tag of [0x30, 0x30]) {
    if (reply[at] !== tag) return -1;
    at = afterLength(reply, at + 1);
  }
  return reply[at] === 0x02 && reply[at + 1] === 1 ? reply[at + 2] : -1;
}

function afterLength(bytes: Buffer, at: number): number {
  const first = bytes[at];
  return first & 0x80 ? at + 1 + (first & 0x7f) : at + 1;
}

function der(tag: number, content: Buffer): Buffer {
  const length = content.length < 0x80 ? Buffer.of(content.length) : Buffer.of(0x82, content.length >> 8, content.length & 0xff);
  return Buffer.concat([Buffer.of(tag), length, content]);
}
