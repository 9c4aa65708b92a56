import { jest } from '@jest/globals';
import type { OfficialFont, PdfRenderer } from '@kasian/documents';
import { ANNOUNCEMENT_001 } from '../../../../libs/documents/src/__fixtures__/announcement-001';
import { MEMO_001 } from '../../../../libs/documents/src/__fixtures__/memo-001';
import { ORDER_002 } from '../../../../libs/documents/src/__fixtures__/order-002';
import { OfficialPrinter } from './official-printer';

const FONT: OfficialFont = { family: 'Kasian Sarabun', scale: 1.5, faces: [{ url: 'data:font/ttf;base64,AAEAAA==', weight: 400 }] };
const MEMO = { kind: 'MEMO', memo: MEMO_001, timeline: null } as const;

function fakeRenderer(): PdfRenderer & { printed: string[]; closed: boolean } {
  return {
    printed: [],
    closed: false,
    async print(html) {
      this.printed.push(html);
      return new Uint8Array([37, 80, 68, 70]);
    },
    async close() {
      this.closed = true;
    },
  };
}

describe('OfficialPrinter', () => {
  it('launches nothing until the first print, then one renderer for every print', async () => {
    const renderer = fakeRenderer();
    const launch = jest.fn(async () => renderer);
    const printer = new OfficialPrinter(launch, async () => FONT);
    expect(launch).not.toHaveBeenCalled();
    await Promise.all([printer.print(MEMO), printer.print(MEMO), printer.print(MEMO)]);
    expect(printer.launches).toBe(1);
    expect(renderer.printed).toHaveLength(3);
    expect(renderer.printed[0]).toContain('บันทึกข้อความ');
  });

  it('prints each kind in its own layout', async () => {
    const renderer = fakeRenderer();
    const printer = new OfficialPrinter(async () => renderer, async () => FONT);
    await printer.print({ kind: 'ORDER', order: ORDER_002 });
    await printer.print({ kind: 'ANNOUNCEMENT', announcement: ANNOUNCEMENT_001 });
    expect(renderer.printed[0]).toContain('คำสั่งเทศบาลตำบลสันมะเค็ด');
    expect(renderer.printed[1]).toContain('ประกาศองค์การบริหารส่วนตำบลป่าตึง');
    expect(renderer.printed[1]).toContain('ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗');
  });

  it('launches again on the next print after a launch failed', async () => {
    const renderer = fakeRenderer();
    const launch = jest.fn<() => Promise<PdfRenderer>>().mockRejectedValueOnce(new Error('no chromium')).mockResolvedValue(renderer);
    const printer = new OfficialPrinter(launch, async () => FONT);
    await expect(printer.print(MEMO)).rejects.toThrow('no chromium');
    await expect(printer.print(MEMO)).resolves.toBeInstanceOf(Uint8Array);
    expect(printer.launches).toBe(2);
  });

  it('closes the renderer it launched, and closing an unused printer launches nothing', async () => {
    const renderer = fakeRenderer();
    const launch = jest.fn(async () => renderer);
    const idle = new OfficialPrinter(launch, async () => FONT);
    await idle.close();
    expect(launch).not.toHaveBeenCalled();

    const used = new OfficialPrinter(launch, async () => FONT);
    await used.print(MEMO);
    await used.close();
    expect(renderer.closed).toBe(true);
  });
});
