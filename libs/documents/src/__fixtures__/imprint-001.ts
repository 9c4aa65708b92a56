import type { MemoImprint } from '../printable/imprint';
import { MEMO_001 } from './memo-001';
import { ROUTE_001 } from './route-001';

const { documentNumber, blocks, date, ...drafted } = MEMO_001;

/** The 001 memo as the documents room stores a version: what the drafter wrote, no number, no blocks. */
export const DRAFTED_MEMO_001: Record<string, unknown> = JSON.parse(JSON.stringify(drafted));

/** What the route and the register add to it: ขร ๗๓๕๐๑/๑๖๕๖ of 21 October 2568, the four blocks and the appendix. */
export const IMPRINT_001: MemoImprint = {
  kind: 'MEMO',
  documentNumber,
  date,
  blocks,
  timeline: { rows: ROUTE_001.rows.map((row) => ({ ...row, at: row.at.toISOString() })) },
};

/** A draft of it: nothing added yet. */
export const DRAFT_IMPRINT: MemoImprint = { kind: 'MEMO', documentNumber: null, date: null, blocks: [], timeline: null };
