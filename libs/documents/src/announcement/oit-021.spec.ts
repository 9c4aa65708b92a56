import { ANNOUNCEMENT_001 } from '../__fixtures__/announcement-001';
import { checkOit021, type ExecutiveTenure } from './oit-021';

/** The 001 office's นายก, and a predecessor whose term ended in the middle of FY2568 (an election on 15 Jan 2568 = 2025). */
const NATTAKORN: ExecutiveTenure = { nameAsPrinted: '(นายณัฐกรณ์ ใจรังสี)', from: { year: 2025, month: 1, day: 16 }, to: null };
const PREDECESSOR: ExecutiveTenure = { nameAsPrinted: 'นายสมศักดิ์ ทดลองใช้', from: { year: 2020, month: 12, day: 20 }, to: { year: 2025, month: 1, day: 15 } };
const TENURES = [PREDECESSOR, NATTAKORN];

const signedBy = (nameAsPrinted: string) => ({ ...ANNOUNCEMENT_001.signer!, nameAsPrinted });
const codes = (result: ReturnType<typeof checkOit021>) => result.findings.map((f) => f.code);
/** Signed by the นายก on 20 Jan 2025 (FY2568), for FY2568. */
const SIGNED_IN_OFFICE = { ...ANNOUNCEMENT_001, date: { year: 2025, month: 1, day: 20 } };

describe('checkOit021: the announcement is for year X and signed by the executive in office in X', () => {
  it('passes an executive announcement for FY2568 signed by the นายก holding office in FY2568', () => {
    expect(checkOit021(SIGNED_IN_OFFICE, 2568, TENURES)).toEqual({ passed: true, findings: [] });
  });

  it('passes when the signer held office for part of the year only, and matches the name with or without parentheses', () => {
    const byPredecessor = { ...ANNOUNCEMENT_001, date: { year: 2024, month: 10, day: 1 }, signer: signedBy('(นายสมศักดิ์  ทดลองใช้)') };
    expect(checkOit021(byPredecessor, 2568, TENURES).passed).toBe(true);
  });

  it('fails an announcement for another year, or one that does not say which year', () => {
    expect(codes(checkOit021({ ...SIGNED_IN_OFFICE, fiscalYear: 2567 }, 2568, TENURES))).toEqual(['OIT021_OTHER_YEAR']);
    const missing = checkOit021({ ...SIGNED_IN_OFFICE, fiscalYear: null }, 2568, TENURES);
    expect(missing.findings).toEqual([expect.objectContaining({ code: 'OIT021_YEAR_MISSING', messageTh: expect.stringContaining('๒๕๖๘') })]);
  });

  it('fails a signer who never held the executive office, and one who held it but not in that year', () => {
    const palad = { ...SIGNED_IN_OFFICE, signer: { ...signedBy('(กิตติชัย เจริญยิ่ง)'), rankLine: 'ร้อยโท' } };
    expect(codes(checkOit021(palad, 2568, TENURES))).toEqual(['OIT021_SIGNER_NOT_EXECUTIVE']);
    const laterYear = { ...SIGNED_IN_OFFICE, fiscalYear: 2569, signer: signedBy('(นายสมศักดิ์ ทดลองใช้)'), date: null };
    expect(codes(checkOit021(laterYear, 2569, TENURES))).toEqual(['OIT021_SIGNER_NOT_IN_OFFICE_IN_YEAR']);
  });

  it('fails an announcement dated on a day its signer was not in office, though in office that year', () => {
    const beforeTerm = { ...ANNOUNCEMENT_001, date: { year: 2024, month: 10, day: 1 } };
    expect(codes(checkOit021(beforeTerm, 2568, TENURES))).toEqual(['OIT021_SIGNED_OUT_OF_OFFICE']);
  });

  it('fails an unsigned announcement and a council announcement, reporting every finding at once', () => {
    const result = checkOit021({ ...SIGNED_IN_OFFICE, issuer: 'COUNCIL', fiscalYear: 2567, signer: null }, 2568, TENURES);
    expect(result.passed).toBe(false);
    expect(codes(result)).toEqual(['OIT021_NOT_EXECUTIVE', 'OIT021_OTHER_YEAR', 'OIT021_NOT_SIGNED']);
    expect(result.findings.every((f) => f.message && f.messageTh)).toBe(true);
  });

  it('judges by the fiscal year: a tenure ending on 30 September 2567 (BE) is not in office in FY2568', () => {
    const ended: ExecutiveTenure = { ...NATTAKORN, from: { year: 2020, month: 1, day: 1 }, to: { year: 2024, month: 9, day: 30 } };
    expect(codes(checkOit021({ ...ANNOUNCEMENT_001, date: null }, 2568, [ended]))).toEqual(['OIT021_SIGNER_NOT_IN_OFFICE_IN_YEAR']);
    const oneDay: ExecutiveTenure = { ...ended, to: { year: 2024, month: 10, day: 1 } };
    expect(checkOit021(ANNOUNCEMENT_001, 2568, [oneDay]).passed).toBe(true);
  });
});
