import { formatThaiDate } from '@kasian/thai';
import type { Memo } from '../memo/memo';

/** วันที่ as printed (๒๑ ตุลาคม ๒๕๖๘, or 21 ตุลาคม 2568 in an Arabic-digit memo); empty when the memo has no date yet. */
export function formatMemoDate(memo: Memo): string {
  return memo.date ? formatThaiDate(memo.date, (memo.digits ?? 'thai') === 'thai' ? 'full' : 'arabic') : '';
}
