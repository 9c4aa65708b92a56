import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NoTimestampAuthority, pkiStatusOf, Rfc3161TimestampAuthority, timeStampRequest } from './timestamp';

const body = { v: 1 as const, officeId: 'o', seq: 1, hash: '0'.repeat(64), time: '2025-10-21T00:00:00.000Z' };
/** SEQUENCE { SEQUENCE { INTEGER status } } — a TimeStampResp without its token, enough for the status. */
const replyWithStatus = (status: number) => Buffer.from([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, status]);

describe('the RFC 3161 hook', () => {
  it('writes the same DER TimeStampReq as `openssl ts -query -sha256 -cert -no_nonce`', () => {
    const expected = '30390201013031300d060960864801650304020105000420' + 'aa'.repeat(32) + '0101ff';
    expect(timeStampRequest(Buffer.alloc(32, 0xaa)).toString('hex')).toBe(expected);
  });

  it('adds a positive nonce', () => {
    const request = timeStampRequest(Buffer.alloc(32, 1), Buffer.from([0x80, 1]));
    expect(request.subarray(-8).toString('hex')).toBe('0203008001' + '0101ff');
  });

  it('reads the PKIStatus of a reply', () => {
    expect(pkiStatusOf(replyWithStatus(0))).toBe(0);
    expect(pkiStatusOf(Buffer.from([0x30, 0x81, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02]))).toBe(2);
    expect(pkiStatusOf(Buffer.from('not der'))).toBe(-1);
    expect(pkiStatusOf(Buffer.from([0x30, 0x03, 0x30, 0x01, 0x05]))).toBe(-1);
  });

  it('asks a TSA over HTTP and keeps its reply; a refusal or an HTTP error fails the stamp', async () => {
    const replies = [replyWithStatus(0), replyWithStatus(2)];
    let received: { type?: string; length: number } | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk) => chunks.push(chunk)).on('end', () => {
        received = { type: request.headers['content-type'], length: Buffer.concat(chunks).length };
        const reply = replies.shift();
        if (!reply) return void response.writeHead(503).end();
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    try {
      const tsa = new Rfc3161TimestampAuthority(url, 2_000);
      await expect(tsa.stamp(body)).resolves.toEqual({ authority: url, response: replyWithStatus(0).toString('base64') });
      expect(received).toEqual({ type: 'application/timestamp-query', length: 69 });
      await expect(tsa.stamp(body)).rejects.toThrow('PKIStatus 2');
      await expect(tsa.stamp(body)).rejects.toThrow('HTTP 503');
    } finally {
      server.close();
    }
    await expect(new NoTimestampAuthority().stamp()).resolves.toBeNull();
  });
});
