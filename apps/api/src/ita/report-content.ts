import { ITA_REPORT_FORM, ITA_REPORT_TITLE, type ItaMeasuresReport } from '@kasian/documents';
import type { ColumnDef, MeasureField } from '@kasian/ita';
import { toThaiDigits } from '@kasian/thai';

export interface ReportOffice {
  readonly nameTh: string;
  readonly subdistrict: string | null;
  readonly district: string | null;
  readonly province: string | null;
}

export interface ReportMeasure {
  readonly label: string;
  readonly titleTh: string;
  readonly method: string | null;
  readonly timeframe: string | null;
  readonly responsibleText: string;
  readonly summary: string | null;
  readonly outcome: string | null;
  readonly followUp: string | null;
  readonly result: string | null;
}

export interface PublishedOverall {
  readonly scoreText: string;
  readonly level: string | null;
}

function cellOf(measure: ReportMeasure, field: MeasureField, hasLabelColumn: boolean): string {
  switch (field) {
    case 'label':
      return measure.label;
    case 'title':
      return hasLabelColumn || !measure.label ? measure.titleTh : `${measure.label} ${measure.titleTh}`;
    case 'responsible':
      return measure.responsibleText;
    default:
      return measure[field] ?? '';
  }
}

function address(office: ReportOffice): string | undefined {
  const parts = [office.subdistrict && `ตำบล${office.subdistrict}`, office.district && `อำเภอ${office.district}`, office.province && `จังหวัด${office.province}`].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

/** The published result in the words of 001's report; nothing is computed, a missing score leaves it out. */
function intro(office: ReportOffice, fiscalYear: number, overall: PublishedOverall | null): string | undefined {
  if (!overall) return undefined;
  const level = overall.level ? ` อยู่ในระดับ “${overall.level}”` : '';
  return `จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานของ${office.nameTh} ประจำปีงบประมาณ พ.ศ. ${toThaiDigits(fiscalYear)} โดยภาพรวมได้คะแนน ${overall.scoreText}${level}`;
}

/** รายงานผลการดำเนินการตามมาตรการ… from the model, in the column set stored with the year's plan. */
export function reportContent(office: ReportOffice, fiscalYear: number, columns: readonly ColumnDef[], measures: readonly ReportMeasure[], overall: PublishedOverall | null): ItaMeasuresReport {
  const hasLabel = columns.some((c) => c.field === 'label');
  return {
    form: ITA_REPORT_FORM,
    title: ITA_REPORT_TITLE,
    organisation: office.nameTh,
    ...(address(office) ? { address: address(office) } : {}),
    fiscalYear,
    ...(intro(office, fiscalYear, overall) ? { intro: intro(office, fiscalYear, overall) } : {}),
    columns: columns.map((c) => ({ key: c.field, header: c.header })),
    rows: measures.map((m) => ({ cells: Object.fromEntries(columns.map((c) => [c.field, cellOf(m, c.field, hasLabel)])) })),
  };
}
