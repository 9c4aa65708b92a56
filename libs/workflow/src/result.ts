import type { WorkflowError } from './errors';
import type { RouteEvent } from './events';
import type { RouteInstance } from './instance';

/** Accepted: the new state and exactly one event. Refused: a typed error, and nothing changed. */
export type ActionResult =
  | { readonly ok: true; readonly state: RouteInstance; readonly event: RouteEvent }
  | { readonly ok: false; readonly error: WorkflowError };
