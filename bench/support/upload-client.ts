import { request } from 'node:http';
import { Readable } from 'node:stream';
import { create } from 'content-disposition';

export interface UploadAnswer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export interface UploadOptions {
  token: string;
  fileName?: string;
  /** Sent as Content-Length; without it the body goes chunked. */
  contentLength?: number;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** Destroys the request after this many body bytes (a client that gives up mid-upload). */
  abortAfter?: number;
}

/**
 * Sends `body` as an evidence upload with node:http, so the test controls Content-Length and can
 * cut the connection mid-stream. An answer that arrives before the body is all sent is returned.
 */
export function upload(url: string, body: Readable | Buffer, options: UploadOptions): Promise<UploadAnswer> {
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  const length = options.contentLength ?? (Buffer.isBuffer(body) ? body.length : undefined);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/octet-stream',
        ...(options.fileName === undefined ? {} : { 'content-disposition': create(options.fileName, { fallback: false }) }),
        ...(length === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) }),
        ...options.headers,
      },
    });
    let answered = false;
    req.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => undefined);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        source.destroy();
        resolve({ status: response.statusCode!, body: parsed, headers: response.headers });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    source.on('data', (chunk: Buffer) => {
      if (options.abortAfter !== undefined && sent + chunk.length > options.abortAfter) {
        source.destroy();
        req.destroy(new Error('client gave up'));
        return;
      }
      sent += chunk.length;
      if (!req.write(chunk)) source.pause();
    });
    req.on('drain', () => source.resume());
    source.on('end', () => req.end());
    source.on('error', (error) => req.destroy(error));
  });
}
