import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './logger';

const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage;

describe('requestIdFor', () => {
  it('honours a sane X-Request-Id', () => {
    expect(requestIdFor(request({ 'x-request-id': 'abc-123.x:y' }))).toBe('abc-123.x:y');
  });

  it('replaces an unsafe or oversized one with a UUID', () => {
    expect(requestIdFor(request({ 'x-request-id': 'bad id\nInjected: yes' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(request({ 'x-request-id': 'x'.repeat(200) }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the same id for the same request every time', () => {
    const req = request();
    expect(requestIdFor(req)).toBe(requestIdFor(req));
  });
});
