import type { RunningApi } from './http';
import { tokenFor } from './keycloak';
import { memo001Content } from './memo-content';

/** The demo office's people on the 001 chain, with real tokens. */
export const CHAIN = ['drafter', 'kanokporn', 'naphatthiya', 'kittichai', 'nattakorn', 'auditor'] as const;
export type ChainUser = (typeof CHAIN)[number];

export async function chainTokens(): Promise<Record<ChainUser, string>> {
  const tokens = {} as Record<ChainUser, string>;
  for (const user of CHAIN) tokens[user] = await tokenFor(user);
  return tokens;
}

const post = (api: RunningApi, token: string, path: string, body: unknown) =>
  api.call(path, { method: 'POST', token, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** The drafter drafts memo 1 of seed 001 (a draft, not yet submitted). */
export async function draft001(api: RunningApi, tokens: Record<ChainUser, string>): Promise<string> {
  const created = await post(api, tokens.drafter, '/documents', { kind: 'MEMO', title: memo001Content().subject, content: memo001Content() });
  if (created.status !== 201) throw new Error(`drafting failed: ${JSON.stringify(created.body)}`);
  return created.body.documentId as string;
}

/** เสนอ → เห็นชอบ → เห็นควรอนุมัติ → อนุมัติ / ให้ดำเนินการ: the route completes (approved). */
export async function approve001(api: RunningApi, tokens: Record<ChainUser, string>, documentId: string): Promise<void> {
  const steps: [ChainUser, string, unknown][] = [
    ['drafter', 'submit', {}],
    ['kanokporn', 'decisions', { word: 'เสนอ' }],
    ['naphatthiya', 'decisions', { word: 'เห็นชอบ' }],
    ['kittichai', 'decisions', { word: 'เห็นควรอนุมัติ', comment: 'เห็นควรอนุมัติตามเสนอ' }],
    ['nattakorn', 'decisions', { word: 'อนุมัติ / ให้ดำเนินการ' }],
  ];
  for (const [user, action, body] of steps) {
    const answer = await post(api, tokens[user], `/documents/${documentId}/route/${action}`, body);
    if (answer.status !== 200) throw new Error(`${user} ${action} failed: ${JSON.stringify(answer.body)}`);
  }
}
