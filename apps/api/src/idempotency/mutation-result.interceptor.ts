import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

interface Replayable {
  status: number;
  body: unknown;
  replayed: boolean;
}

const isReplayable = (value: unknown): value is Replayable =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'replayed' in value;

/** Answers a mutation's { status, body, replayed } as that status and body, with an Idempotent-Replayed header. */
@Injectable()
export class MutationResultInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result) => {
        if (!isReplayable(result)) return result;
        void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
        return result.body;
      }),
    );
  }
}
