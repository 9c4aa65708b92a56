import type { CalendarDate } from '@kasian/thai';
import type { RouteTimelineRow } from '../memo/route-timeline';
import type { DecisionBlock, MemoBlock, SignatureSnapshot } from '../memo/signature';
import { canonicalSha256 } from '@kasian/canonical';

/** A timeline row as plain JSON: the instant as ISO 8601 text. */
export type ImprintTimelineRow = Omit<RouteTimelineRow, 'at'> & { readonly at: string };

/**
 * What the route and the register add to a drafted memo when it is printed (ADR 0011): the number
 * (ที่), the date when the draft has none, the signature and opinion blocks, and the timeline appendix.
 */
export interface MemoImprint {
  readonly kind: 'MEMO';
  /** Null until the register has issued one: the ที่ line prints empty, as on a paper draft. */
  readonly documentNumber: string | null;
  /** The day the number was issued (Asia/Bangkok); used only when the drafted content has no วันที่. */
  readonly date: CalendarDate | null;
  readonly blocks: readonly MemoBlock[];
  readonly timeline: { readonly rows: readonly ImprintTimelineRow[] } | null;
}

/** What the route and the order register add to a drafted คำสั่ง. */
export interface OrderImprint {
  readonly kind: 'ORDER';
  readonly number: number | null;
  readonly yearBE: number | null;
  /** สั่ง ณ วันที่ when the drafted content has none: the day the number was issued. */
  readonly date: CalendarDate | null;
  /** The final decider's signature snapshot; null until someone has signed. */
  readonly signer: SignatureSnapshot | null;
}

/** What the route and a register add to a drafted ประกาศ. */
export interface AnnouncementImprint {
  readonly kind: 'ANNOUNCEMENT';
  /** Bound to a register: the ที่ line prints, with dots until the number is issued. */
  readonly numbered: boolean;
  readonly number: number | null;
  readonly yearBE: number | null;
  /** ประกาศ ณ วันที่ when the drafted content has none: the day the number was issued. */
  readonly date: CalendarDate | null;
  /** The final decider's signature snapshot; null until someone has signed (the draft's named signer prints meanwhile). */
  readonly signer: SignatureSnapshot | null;
}

/** What the route adds to a รายงาน: the executive's decision block once the route signed it off. */
export interface ReportImprint {
  readonly kind: 'REPORT';
  readonly approval: DecisionBlock | null;
}

export type PrintImprint = MemoImprint | OrderImprint | AnnouncementImprint | ReportImprint;

/** Plain JSON (no Date, no undefined), so its hash is the same in the API, in Redis and in the worker. */
export function imprintHash(imprint: PrintImprint): string {
  return canonicalSha256(imprint);
}
