import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError, ValidationFailedError } from '@kasian/errors';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('maps a domain error to its status, code and both messages', () => {
    const error = new UnauthenticatedError('expired_token', 'The access token has expired.', 'โทเคนหมดอายุ');
    expect(toErrorResponse(error)).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'The access token has expired.', messageTh: 'โทเคนหมดอายุ', details: { reason: 'expired_token' } },
    });
  });

  it('keeps validation details per field', () => {
    const { status, body } = toErrorResponse(new ValidationFailedError([{ field: 'title', problems: ['title must be a string'] }]));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'title' }] });
  });

  it('gives framework HTTP errors a stable code and a Thai message', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      body: { code: 'ROUTE_NOT_FOUND', messageTh: 'ไม่พบปลายทางที่เรียก', details: { reason: 'Cannot GET /x' } },
    });
    expect(toErrorResponse(new BadRequestException()).body.code).toBe('BAD_REQUEST');
    expect(toErrorResponse(new ForbiddenError(['admin'])).status).toBe(403);
  });

  it('maps Fastify body errors (plain errors with a 4xx statusCode)', () => {
    const fastifyError = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
    expect(toErrorResponse(fastifyError)).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', details: { reason: 'Body is not valid JSON' } } });
  });

  it('never leaks the message of an unexpected error', () => {
    const { status, body } = toErrorResponse(new Error('password=hunter2 in connection string'));
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
