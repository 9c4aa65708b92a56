import type { Memo, OfficialFont } from '../index';
import { MEMO_001 } from '../__fixtures__/memo-001';
import { ROUTE_001, VERSION_2_HASH } from '../__fixtures__/route-001';
import { escapeHtml, html } from './html';
import { renderMemoHtml } from './memo-html';
import { UnsafeFontError } from './official-font';
import { formatTimelineInstant } from './route-timeline-html';

const FONT: OfficialFont = {
  family: 'Kasian Sarabun',
  scale: 1.5,
  faces: [{ url: 'data:font/ttf;base64,AAEAAA==', weight: 400 }],
};

const render = (memo: Memo = MEMO_001, options: Partial<Parameters<typeof renderMemoHtml>[1]> = {}) =>
  renderMemoHtml(memo, { font: FONT, ...options });

const textOf = (markup: string) => markup.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('renderMemoHtml', () => {
  it('escapes every text field, so markup in the memo stays text', () => {
    const hostile: Memo = {
      ...MEMO_001,
      subject: '<script>alert("x")</script> & ขอ',
      agency: '"><img src=x onerror=alert(1)>',
      sections: [{ title: "</p><iframe src='//x'>", paragraphs: ['<b>หนา</b>'], items: ['<svg onload=alert(1)>'] }],
      blocks: [{ kind: 'decision', opinionOf: '<u>นายก</u>', decision: 'อนุมัติ<br>', signature: { ...MEMO_001.blocks[0].signature, nameAsPrinted: '(<i>x</i>)' } }],
    };
    const markup = render(hostile);
    expect(markup).not.toMatch(/<(script|img|iframe|svg|b|u|i)[\s>]/);
    expect(markup).not.toContain('อนุมัติ<br>');
    expect(markup).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ขอ');
    expect(markup).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints the header fields with the date in the Buddhist era', () => {
    const text = textOf(render());
    expect(text).toContain('บันทึกข้อความ ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลป่าตึง ที่ ขร ๗๓๕๐๑/๑๖๕๖ วันที่ ๒๑ ตุลาคม ๒๕๖๘ เรื่อง รายงานผล');
    expect(text).toContain('เรียน นายกององค์การบริหารส่วนตำบลป่าตึง');
  });

  it('numbers sections and sub-items in Thai digits, sub-items without a trailing dot', () => {
    const text = textOf(render());
    for (const heading of ['๑. เรื่องเดิม', '๒. ข้อเท็จจริง', '๓. ระเบียบ กฎหมายที่เกี่ยวข้อง', '๔. ข้อเสนอเพื่อพิจารณา']) expect(text).toContain(heading);
    for (const item of ['๓.๑ รัฐธรรมนูญ', '๓.๔ คู่มือ', '๔.๑ เผยแพร่', '๔.๓ แจ้งทุกสำนัก']) expect(text).toContain(item);
    expect(text).not.toMatch(/[๑-๙]\.[๑-๙]\./);
  });

  it('keeps one digit system per document: Arabic throughout when the office writes Arabic', () => {
    const text = textOf(render({ ...MEMO_001, digits: 'arabic' }));
    expect(text).toContain('วันที่ 21 ตุลาคม 2568');
    expect(text).toContain('3. ระเบียบ');
    expect(text).toContain('3.2 พระราชบัญญัติ');
  });

  it('prints a draft not numbered or dated yet with empty ที่ and วันที่ lines, and names it by subject in the appendix', () => {
    const draft = render({ ...MEMO_001, documentNumber: null, date: null }, { timeline: ROUTE_001 });
    expect(draft).toContain('<span class="field-label">ที่</span><span class="field-value"></span>');
    expect(draft).toContain('<span class="field-label">วันที่</span><span class="field-value"></span>');
    expect(textOf(draft)).toContain(`แนบท้ายร่างบันทึกข้อความ เรื่อง ${MEMO_001.subject}`);
    expect(draft).toContain(`<title>บันทึกข้อความ เรื่อง ${MEMO_001.subject}</title>`);
  });

  it('prints unnumbered paragraphs when a memo has no sections', () => {
    const text = textOf(render({ ...MEMO_001, paragraphs: ['ตามที่ ...', 'ดังนั้น ...'], sections: [] }));
    expect(text).toContain('ตามที่ ... ดังนั้น ... จึงเรียนมาเพื่อโปรดพิจารณา');
  });

  it('stacks the blocks of §2.5 in routing order', () => {
    const text = textOf(render());
    const order = [
      '(ลงชื่อ) (นางสาวกนกพร โภชนพันธ์) หัวหน้าฝ่ายอำนวยการ',
      '(ลงชื่อ) (นางสาวนภัทธิญา วิชระอภิเดชากุล) หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      'ความเห็นของปลัดองค์การบริหารส่วนตำบลป่าตึง',
      'ร้อยโท (กิตติชัย เจริญยิ่ง) ปลัดองค์การบริหารส่วนตำบลป่าตึง',
      'ความเห็นของนายกองค์การบริหารส่วนตำบลป่าตึง อนุมัติ / ให้ดำเนินการ (ลงชื่อ) (นายณัฐกรณ์ ใจรังสี) นายกองค์การบริหารส่วนตำบลป่าตึง',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints a blank opinion as two dotted lines and a given one as text, without (ลงชื่อ)', () => {
    const blank = render();
    expect(blank.match(/<p class="dotted">\.{100,}<\/p>/g)).toHaveLength(2);
    const opinion = MEMO_001.blocks[2];
    const given = render({ ...MEMO_001, blocks: [{ ...opinion, kind: 'opinion', opinionOf: 'ปลัด', opinion: 'เห็นควรอนุมัติ' } as const] });
    expect(given).not.toContain('class="dotted"');
    expect(textOf(given)).toContain('ความเห็นของปลัด เห็นควรอนุมัติ ร้อยโท (กิตติชัย เจริญยิ่ง)');
    expect(textOf(given)).not.toContain('(ลงชื่อ)');
    const spaces = render({ ...MEMO_001, blocks: [{ ...opinion, kind: 'opinion', opinionOf: 'ปลัด', opinion: '  \n ' } as const] });
    expect(spaces.match(/class="dotted"/g)).toHaveLength(2);
  });

  it('prints block dates only when asked', () => {
    expect(textOf(render())).not.toContain('๒๑ ตุลาคม ๒๕๖๘ (ลงชื่อ)');
    expect(textOf(render(MEMO_001, { blockDates: true }))).toContain('หัวหน้าฝ่ายอำนวยการ ๒๑ ตุลาคม ๒๕๖๘ (ลงชื่อ)');
  });

  it('never prints the page-continuation marker', () => {
    expect(render()).not.toContain('จึงเรียนมา...');
  });

  it('leaves Thai line breaking to the browser: lang="th", no word-break or justification overrides', () => {
    const markup = render();
    expect(markup).toContain('<html lang="th">');
    expect(markup).not.toMatch(/word-break|hyphens|text-align:\s*justify|line-break/);
  });

  it('sizes text in TH Sarabun points divided by the font scale', () => {
    expect(render()).toContain('--th-pt: calc(1pt / 1.5)');
    expect(render()).toContain('font-size: calc(16 * var(--th-pt))');
  });

  it('adds the route timeline on a page of its own, hashes verbatim and times in Asia/Bangkok', () => {
    const markup = render(MEMO_001, { timeline: ROUTE_001 });
    expect(markup).toContain('<section class="appendix">');
    expect(markup).toContain(`<th>ฉบับที่</th><td class="">๒</td></tr>\n<tr><th>ฉบับเอกสาร</th><td class="hash">${VERSION_2_HASH}</td>`);
    expect(textOf(markup)).toContain('แนบท้ายบันทึกข้อความ ที่ ขร ๗๓๕๐๑/๑๖๕๖ ลงวันที่ ๒๑ ตุลาคม ๒๕๖๘');
    expect(textOf(markup)).toContain('แทน นายกองค์การบริหารส่วนตำบลป่าตึง อ้างอิงคำสั่ง คำสั่งองค์การบริหารส่วนตำบลป่าตึง ที่ ๑๒๓/๒๕๖๘');
    expect(textOf(markup).match(/ แทน /g)).toHaveLength(1);
    expect(formatTimelineInstant(ROUTE_001.rows[3].at, 'thai')).toBe('๒๒ ตุลาคม ๒๕๖๘ เวลา ๐๐.๑๐ น.');
    expect(formatTimelineInstant(ROUTE_001.rows[0].at, 'arabic')).toBe('21 ตุลาคม 2568 เวลา 09.05 น.');
    expect(render()).not.toContain('class="appendix"');
  });

  it('refuses fonts that could reach the network or break out of the style sheet', () => {
    const withUrl = (url: string) => ({ ...FONT, faces: [{ url, weight: 400 as const }] });
    expect(() => render(MEMO_001, { font: withUrl('https://fonts.example/sarabun.ttf') })).toThrow(UnsafeFontError);
    expect(() => render(MEMO_001, { font: withUrl('data:font/ttf;base64,AA");} body{background:url(http://x)') })).toThrow(UnsafeFontError);
    expect(() => render(MEMO_001, { font: { ...FONT, family: 'X"; } *{' } })).toThrow(UnsafeFontError);
    expect(() => render(MEMO_001, { font: withUrl('file:///usr/share/fonts/truetype/tlwg/Laksaman.ttf') })).not.toThrow();
  });
});

describe('html', () => {
  it('escapes interpolations, joins arrays and keeps nested html', () => {
    expect(html`<p>${'<a>'}${['&', html`<br>`]}${null}${false}${1}</p>`.markup).toBe('<p>&lt;a&gt;&amp;<br>1</p>');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
