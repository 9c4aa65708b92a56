import http from 'node:http';
import https from 'node:https';

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) } as const;

/**
 * PUTs `body` to a presigned MinIO URL and returns the ETag. A presigned request is signed in its
 * query string with an unsigned payload, so the bytes are not hashed a second time for the
 * signature (the MinIO client does that for every request over plain HTTP): the API's SHA-256 of
 * the file is then the only pass of hashing over it. S3 errors keep their code (e.g. NoSuchUpload).
 */
export function putToPresignedUrl(url: string, body: Buffer): Promise<string> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(target, { method: 'PUT', agent: agents[target.protocol as keyof typeof agents], headers: { 'content-length': body.length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode === 200) return resolve(String(response.headers.etag ?? '').replace(/"/g, ''));
        const text = Buffer.concat(chunks).toString('utf8');
        const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? (response.statusCode! >= 500 ? 'ServiceUnavailable' : `HTTP_${response.statusCode}`);
        reject(Object.assign(new Error(`MinIO refused the part: ${code} (HTTP ${response.statusCode})`), { code }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
