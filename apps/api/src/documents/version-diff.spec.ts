import { diffContent } from './version-diff';

describe('diffContent', () => {
  const v1 = {
    เรื่อง: 'รายงานผลการดำเนินการ',
    sections: [
      { title: '๔. ข้อเสนอเพื่อพิจารณา', items: ['๔.๑ เผยแพร่รายงานผ่านเว็บไซต์', '๔.๒ พิจารณาดำเนินการมาตรการ'] },
    ],
  };

  it('reports nothing for identical content', () => {
    expect(diffContent(v1, structuredClone(v1))).toEqual([]);
  });

  it('finds a changed sub-item and marks the inserted Thai words', () => {
    const v2 = structuredClone(v1);
    v2.sections[0].items[1] = '๔.๒ พิจารณาดำเนินการมาตรการภายในเดือนมีนาคม';
    const [change] = diffContent(v1, v2);
    expect(change).toMatchObject({ path: 'sections[0].items[1]', kind: 'changed' });
    expect(change.words!.filter((w) => w.kind === 'added').map((w) => w.text).join('')).toBe('ภายในเดือนมีนาคม');
    expect(change.words!.filter((w) => w.kind === 'removed')).toEqual([]);
  });

  it('reports added and removed fields with their values', () => {
    const v2 = { ...structuredClone(v1), เรียน: 'นายกองค์การบริหารส่วนตำบลป่าตึง' } as Record<string, unknown>;
    delete v2.เรื่อง;
    expect(diffContent(v1, v2)).toEqual([
      { path: 'เรื่อง', kind: 'removed', before: 'รายงานผลการดำเนินการ', after: null },
      { path: 'เรียน', kind: 'added', before: null, after: 'นายกองค์การบริหารส่วนตำบลป่าตึง' },
    ]);
  });
});
