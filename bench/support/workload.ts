import { performance } from 'node:perf_hooks';
import { APPROVER_POSITIONS, type BenchOffice, type BenchStaff } from './bench-offices';
import type { JsonClient } from './http-client';

/** One document's route: step 0 is the submit, steps 1..4 are the decisions of P1..P4. */
export interface BenchRoute {
  office: BenchOffice;
  documentId: string;
  next: number;
}

export const ACTIONS_PER_ROUTE = 1 + APPROVER_POSITIONS.length;

export interface Sample {
  kind: 'submit' | 'decide';
  ms: number;
  status: number;
  code?: string;
}

export interface PhaseRecord {
  samples: Sample[];
  seconds: number;
  /** Paced phases only: actions that could not be sent on time because no route was ready. */
  starved?: number;
}

const WORDS = ['เห็นชอบ', 'เห็นชอบ', 'เห็นชอบ', 'อนุมัติ'];

export function routeTemplate(office: BenchOffice) {
  return {
    documentKind: 'MEMO',
    name: 'บันทึกข้อความสี่ขั้น (ทดสอบสมรรถนะ)',
    onResubmit: 'RESUME',
    steps: APPROVER_POSITIONS.map((position, i) => ({
      key: position.toLowerCase(),
      title: `ความเห็นของ ${position}`,
      kind: 'SEQUENTIAL',
      addressees: [office.positions.get(position)!],
      completion: { rule: 'ALL' },
      words: [
        { word: WORDS[i], outcome: 'positive' },
        { word: i === 3 ? 'ไม่อนุมัติ' : 'ไม่เห็นชอบ', outcome: 'negative' },
      ],
      comment: 'OPTIONAL',
    })),
  };
}

export function memoContent(n: number) {
  return {
    agency: 'สำนักปลัด งานธุรการ',
    subject: `ขออนุมัติจัดซื้อวัสดุสำนักงาน ครั้งที่ ${n}`,
    addressee: 'นายกเทศมนตรีตำบลทดสอบสมรรถนะ',
    sections: [
      { title: 'ข้อเท็จจริง', paragraphs: ['ด้วยงานธุรการมีความจำเป็นต้องจัดซื้อวัสดุสำนักงานเพื่อใช้ในการปฏิบัติราชการ'] },
      { title: 'ข้อเสนอเพื่อพิจารณา', paragraphs: ['เห็นสมควรอนุมัติให้จัดซื้อตามรายการที่แนบ'] },
    ],
    closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
    fields: { amount: 12_500 + n },
  };
}

/** Sends each route's next action (submit, then the four decisions) as the user whose turn it is. */
export class RouteDriver {
  constructor(
    private readonly client: JsonClient,
    private readonly staff: BenchStaff,
  ) {}

  async createRoutes(offices: BenchOffice[], perOffice: number, concurrency: number): Promise<BenchRoute[]> {
    const plan = Array.from({ length: perOffice }, (_, n) => offices.map((office) => ({ office, n }))).flat();
    const routes: BenchRoute[] = [];
    const queue = [...plan];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const reply = await this.client.post('/documents', this.staff.token(item.office.username('writer')), { kind: 'MEMO', title: `บันทึกข้อความ ${item.n}`, content: memoContent(item.n) });
        if (reply.status !== 201) throw new Error(`POST /documents → ${reply.status} ${JSON.stringify(reply.body)}`);
        routes.push({ office: item.office, documentId: reply.body.documentId, next: 0 });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return routes;
  }

  async act(route: BenchRoute): Promise<Sample> {
    const kind = route.next === 0 ? 'submit' : 'decide';
    const user = route.next === 0 ? 'writer' : APPROVER_POSITIONS[route.next - 1].toLowerCase();
    const path = `/documents/${route.documentId}/route/${kind === 'submit' ? 'submit' : 'decisions'}`;
    const body = kind === 'submit' ? {} : { word: WORDS[route.next - 1], comment: 'เห็นควรนำเรียนผู้บังคับบัญชาพิจารณา' };
    const started = performance.now();
    const reply = await this.client.post(path, this.staff.token(route.office.username(user)), body);
    const ms = performance.now() - started;
    if (reply.status === 200) route.next++;
    return { kind, ms, status: reply.status, ...(reply.status === 200 ? {} : { code: reply.body?.code }) };
  }

  /** Closed loop: `concurrency` routes in flight, each driven end to end as fast as the API answers. */
  async saturate(routes: BenchRoute[], concurrency: number): Promise<PhaseRecord> {
    const queue = [...routes];
    const samples: Sample[] = [];
    const worker = async () => {
      for (let route = queue.shift(); route; route = queue.shift()) {
        while (route.next < ACTIONS_PER_ROUTE) {
          const sample = await this.act(route);
          samples.push(sample);
          if (sample.status !== 200) break;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { samples, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Open loop at a fixed offered rate of route actions. Latency counts from the scheduled send
   * time, so a slow answer cannot hide the requests that would have queued behind it. Routes
   * already under way go first; a new route starts only when none is ready.
   */
  async pace(routes: BenchRoute[], actionsPerSecond: number, seconds: number): Promise<PhaseRecord> {
    const fresh = [...routes];
    const ready: BenchRoute[] = [];
    const samples: Sample[] = [];
    const inFlight = new Set<Promise<void>>();
    const total = Math.round(actionsPerSecond * seconds);
    const interval = 1000 / actionsPerSecond;
    const start = performance.now() + 20;
    let starved = 0;
    for (let i = 0; i < total; ) {
      const now = performance.now();
      for (; i < total && start + i * interval <= now; i++) {
        const scheduled = start + i * interval;
        const route = ready.shift() ?? fresh.shift();
        if (!route) {
          starved++;
          continue;
        }
        const sent = this.act(route).then((sample) => {
          samples.push({ ...sample, ms: performance.now() - scheduled });
          if (sample.status === 200 && route.next < ACTIONS_PER_ROUTE) ready.push(route);
          inFlight.delete(sent);
        });
        inFlight.add(sent);
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(inFlight);
    return { samples, seconds: (performance.now() - start) / 1000, starved };
  }
}

export function routesNeededFor(actionsPerSecond: number, seconds: number): number {
  return Math.ceil((actionsPerSecond * seconds) / ACTIONS_PER_ROUTE) + 20;
}
