/** One decided step in the route timeline appendix. */
export interface RouteTimelineRow {
  /** The step as titled in the route, e.g. "เสนอหัวหน้าสำนักปลัด". */
  readonly step: string;
  /** The person as printed in the signature snapshot. */
  readonly who: string;
  readonly position: string;
  /** The position acted for (รักษาราชการแทน / ปฏิบัติราชการแทน), if any. */
  readonly onBehalfOf: string | null;
  /** The order that gave the authority to act, e.g. "คำสั่ง อบต.ป่าตึง ที่ ๑๒/๒๕๖๘". */
  readonly orderRef: string | null;
  /** The instant of the decision; printed in Asia/Bangkok, Buddhist era. */
  readonly at: Date;
  /** The words as decided, with any comment. */
  readonly words: string;
  /** Number (1, 2, …) of the document version the decision is bound to. */
  readonly versionNo: number;
  /** Content hash of the document version the decision is bound to. */
  readonly versionHash: string;
}

export interface RouteTimeline {
  readonly rows: readonly RouteTimelineRow[];
}
