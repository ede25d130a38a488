// The committee's calls and the shapes the API answers with (docs/api.md, "Committee"). The session cookie
// goes by itself; state-changing calls carry the session's anti-forgery token, kept in memory only.
import { api } from '../shared/api.ts';
import { csrfHeader, currentSession, logIn as logInAs, type Session } from '../shared/session.ts';

export type Branch = { id: string; name: string };
export type MeetingRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  branchId: string;
  branchName: string;
  assessmentYear: number | null;
  certified: boolean;
  links: { minutes: string; verify: string; record: string };
};
export type Decision = {
  id: string;
  level: string;
  reason: string;
  version: number;
  proposal: string | null;
};
export type TableRow = {
  branchId: string;
  branchName: string;
  memberId: string;
  name: string;
  proposal: string;
  htxsnvVotes: number;
  denominator: number;
  rank: number | null;
  cap: 'within' | 'exceeds-cap' | 'tied-at-cap' | null;
  decision: Decision | null;
};
export type TableGroup = { name: string; base: number; max: number; proposedBest: number; rows: TableRow[] };
export type Table = { assessmentYear: number; branches: Branch[]; groups: TableGroup[] };
export type CapChoice = {
  capPercent: number;
  capBase: string;
  groups: { name: string; branchIds: string[] }[];
};

export { currentSession, type Session } from '../shared/session.ts';

export async function logIn(account: string, password: string): Promise<Session> {
  await logInAs(account, password);
  return currentSession();
}

export async function meetings(): Promise<{ branches: Branch[]; meetings: MeetingRow[] }> {
  return (await api<{ branches: Branch[]; meetings: MeetingRow[] }>('/api/committee/meetings')).body;
}

export async function table(year: number, choice: CapChoice): Promise<Table> {
  const body = { assessmentYear: year, ...choice, groups: choice.groups.length ? choice.groups : undefined };
  return (await api<Table>('/api/committee/classification', { body, headers: csrfHeader() })).body;
}

export async function decide(input: {
  branchId: string;
  memberId: string;
  assessmentYear: number;
  level: string;
  reason: string;
  supersedes: string | null;
}): Promise<Decision> {
  return (await api<Decision>('/api/committee/decisions', { body: input, headers: csrfHeader() })).body;
}
