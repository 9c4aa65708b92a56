import { canonicalJson, sha256Hex } from '@kasian/canonical';
import { ChainBuilder, eventHeader } from './chain';
import { formatTrailHeader, formatTrailLine, linesOf, parseTrailHeader, parseTrailLine, splitLines, type TrailLine } from './trail-line';

const header = eventHeader({
  officeId: '6F1C3A52-0D7E-4C1B-9A55-1D2F3E4A5B6C',
  occurredAt: new Date('2025-10-21T02:00:00.123Z'),
  action: 'route.decided',
  actor: { subject: 'kc-1', personId: 'AAAAAAAA-0D7E-4C1B-9A55-1D2F3E4A5B6C', positionId: null, onBehalfOfPositionId: null, orderRef: 'คำสั่งที่ ๑/๒๕๖๘' },
  target: { type: 'document', id: 'Doc-1' },
  versionHash: null,
  requestId: 'r1',
});
const [line] = [new ChainBuilder().append(header, canonicalJson({ comment: 'ข้อความ "อ้างอิง", มีจุลภาค', n: 1 }))];

describe('the event header', () => {
  it('is canonical JSON with lower-case UUIDs and the instant in UTC milliseconds', () => {
    expect(JSON.parse(header)).toEqual({
      v: 1,
      officeId: '6f1c3a52-0d7e-4c1b-9a55-1d2f3e4a5b6c',
      occurredAt: '2025-10-21T02:00:00.123Z',
      action: 'route.decided',
      actor: { subject: 'kc-1', personId: 'aaaaaaaa-0d7e-4c1b-9a55-1d2f3e4a5b6c', positionId: null, onBehalfOfPositionId: null, orderRef: 'คำสั่งที่ ๑/๒๕๖๘' },
      target: { type: 'document', id: 'Doc-1' },
      versionHash: null,
      requestId: 'r1',
    });
    expect(canonicalJson(JSON.parse(header))).toBe(header);
  });
});

/** A parsed line with its byte ranges read back as text. */
const asText = (parsed: TrailLine | null) =>
  parsed && { ...parsed, event: Buffer.from(parsed.event).toString(), payload: parsed.payload === null ? null : Buffer.from(parsed.payload).toString() };

describe('trail lines', () => {
  it('round-trip, with the canonical texts sliced back byte for byte', () => {
    const text = formatTrailLine(line);
    expect(JSON.parse(text)).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), event: JSON.parse(header) });
    expect(asText(parseTrailLine(text))).toEqual(line);
    expect(asText(parseTrailLine(Buffer.from(text)))).toEqual(line);
  });

  it('round-trip when only the payload digest is carried', () => {
    const elided = { ...line, payload: null, payloadSha256: sha256Hex(line.payload!) };
    const text = formatTrailLine(elided);
    expect(JSON.parse(text).payloadSha256).toBe(elided.payloadSha256);
    expect(asText(parseTrailLine(text))).toEqual(elided);
  });

  it('are read in place from a larger buffer', () => {
    const text = formatTrailLine(line);
    const file = Buffer.from(`${text}\n${text}\n`);
    expect(asText(parseTrailLine(file, Buffer.byteLength(text) + 1, file.length - 1))).toEqual(line);
    expect(parseTrailLine(file, 0, 10)).toBeNull();
  });

  it.each([
    ['another shape', '{"kasianAuditTrail":1}'],
    ['trailing text', `${formatTrailLine(line)} `],
    ['a bad sequence number', formatTrailLine({ ...line, seq: 0 })],
    ['a sequence number that is not a number', formatTrailLine(line).replace('"seq":1', '"seq":1x')],
    ['a sequence number with a leading zero', formatTrailLine(line).replace('"seq":1', '"seq":01')],
    ['no sequence number', formatTrailLine(line).replace('"seq":1', '"seq":')],
    ['a short hash', formatTrailLine({ ...line, hash: 'abc' })],
    ['no payload', formatTrailLine(line).replace(/,"payload":.*$/, '}')],
    ['a payload digest of the wrong length', formatTrailLine({ ...line, payload: null, payloadSha256: 'abc' })],
    ['an unknown payload field', formatTrailLine(line).replace('"payload":', '"payloads":')],
  ])('are refused with %s', (_case, text) => {
    expect(parseTrailLine(text)).toBeNull();
  });

  it('are read from a byte stream whatever its chunks, CR LF and blank lines included', async () => {
    const file = Buffer.from(`a\r\nbb\n\nccc\ndddd`);
    const chunks = [file.subarray(0, 2), file.subarray(2, 7), file.subarray(7)];
    const lines: string[] = [];
    for await (const batch of splitLines(chunks)) lines.push(...linesOf(batch).map((piece) => piece.toString()));
    expect(lines).toEqual(['a', 'bb', 'ccc', 'dddd']);
    const spanning: string[] = [];
    for await (const batch of splitLines([Buffer.from('x'), Buffer.from('y'), Buffer.from('z\r\nw\n')])) spanning.push(...linesOf(batch).map(String));
    expect(spanning).toEqual(['xyz', 'w']);
  });

  it('have a header line that says what the file covers', () => {
    const text = formatTrailHeader({ officeId: 'o', officeCode: 'patueng', documentId: null, fromSeq: 1, throughSeq: 9, exportedAt: '2025-10-21T02:00:00.000Z' });
    expect(parseTrailHeader(text)).toMatchObject({ kasianAuditTrail: 1, fromSeq: 1, throughSeq: 9 });
    expect(parseTrailHeader(Buffer.from(text))).toMatchObject({ officeCode: 'patueng' });
    expect(parseTrailHeader(formatTrailLine(line))).toBeNull();
    expect(parseTrailHeader('{"kasianAuditTrail":2}')).toBeNull();
  });
});
