import type { DigitScript } from '@kasian/thai';
import type { DecisionBlock } from '../memo/signature';

/** Marks report content that is the ITA measures report (a REPORT document may be another report). */
export const ITA_REPORT_FORM = 'ITA_MEASURES_REPORT';

/** The report's name as the ITA manual calls it (OIT item ๐๒๘ in FY2568, 043 in FY2566). */
export const ITA_REPORT_TITLE = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

/** One printed column: its header as that year's report prints it, and the key of the cells under it. */
export interface ItaReportColumn {
  readonly key: string;
  readonly header: string;
}

export interface ItaReportRow {
  /** Cell text by column key; a newline starts a new line in the cell. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน, generated from the
 * office's measures: a heading, the published result when there is one, and a table in that
 * year's column set (domain.md §7.3: the columns differ per year and office).
 */
export interface ItaMeasuresReport {
  readonly form: typeof ITA_REPORT_FORM;
  readonly title: string;
  readonly organisation: string;
  /** e.g. "ตำบลป่าตึง อำเภอแม่จัน จังหวัดเชียงราย". */
  readonly address?: string;
  /** Buddhist-era fiscal year. */
  readonly fiscalYear: number;
  /** Opening paragraph, e.g. the published overall score and its level. */
  readonly intro?: string;
  readonly columns: readonly ItaReportColumn[];
  readonly rows: readonly ItaReportRow[];
  readonly digits?: DigitScript;
  /** The executive's decision once the route signed it off (000: หากเห็นชอบผู้บริหารลงนาม); absent on a draft. */
  readonly approval?: DecisionBlock | null;
}
