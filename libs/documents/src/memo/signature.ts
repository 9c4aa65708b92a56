/**
 * A signature block as printed when the step was decided. Structurally the same as the routing
 * core's snapshot, taken here as plain data so later renames never rewrite a printed memo.
 */
export interface SignatureSnapshot {
  /** As printed, parentheses included: "(นายณัฐกรณ์ ใจรังสี)", or "(กิตติชัย เจริญยิ่ง)" under a rank line. */
  readonly nameAsPrinted: string;
  /** A rank printed alone above the name, e.g. "ร้อยโท". */
  readonly rankLine: string | null;
  /** The position line(s) as printed, e.g. "ปลัดองค์การบริหารส่วนตำบลป่าตึง"; a newline starts a further line (รักษาราชการแทน…). */
  readonly positionTitleAsPrinted: string;
  /** Buddhist-era date as printed, e.g. "๒๑ ตุลาคม ๒๕๖๘"; shown only when the layout asks for block dates. */
  readonly dateTextBE: string | null;
}

/** `(ลงชื่อ)` · signature space · name · position (§2.5 "Signer"). */
export interface SignerBlock {
  readonly kind: 'signer';
  readonly signature: SignatureSnapshot;
}

/** `ความเห็นของ<position>` · opinion (dotted lines when blank) · rank · name · position, no `(ลงชื่อ)` (§2.5 "Opinion + rank"). */
export interface OpinionBlock {
  readonly kind: 'opinion';
  /** The position after ความเห็นของ, as printed. */
  readonly opinionOf: string;
  /** Blank (null or whitespace) opinions are kept and printed as dotted lines. */
  readonly opinion: string | null;
  readonly signature: SignatureSnapshot;
}

/** `ความเห็นของ<position>` · decision words · `(ลงชื่อ)` · name · position (§2.5 "Opinion + decision"). */
export interface DecisionBlock {
  readonly kind: 'decision';
  readonly opinionOf: string;
  /** The words as decided, e.g. "อนุมัติ / ให้ดำเนินการ"; the vocabulary is open. */
  readonly decision: string;
  readonly signature: SignatureSnapshot;
}

/** Stacked in routing order under the closing line. */
export type MemoBlock = SignerBlock | OpinionBlock | DecisionBlock;
