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
  branchId: string;
  memberId: string;
  level: string;
  reason: string;
  version: number;
  proposal: string | null;
  override: string | null;
  authorId: string;
  createdAt: number;
};
export type BranchStatus = {
  id: string;
  name: string;
  status: 'certified' | 'open' | 'missing';
  meetingId: string | null;
};
export type TableRow = {
  branchId: string;
  branchName: string;
  memberId: string;
  name: string;
  role: string;
  proposal: string;
  htxsnvVotes: number;
  denominator: number;
  rank: number | null;
  cap: 'within' | 'exceeds-cap' | 'tied-at-cap' | null;
  decision: Decision | null;
};
export type TableGroup = {
  name: string;
  base: number;
  max: number;
  proposedBest: number;
  decidedBest: number;
  missing: { id: string; name: string }[];
  rows: TableRow[];
};
export type Table = {
  assessmentYear: number;
  branches: BranchStatus[];
  groups: TableGroup[];
  /** The names of the accounts that recorded the decisions, by id. */
  authors: Record<string, string>;
};
export type CapChoice = {
  capPercent: number;
  capBase: string;
  groups: { name: string; branchIds?: string[]; roles?: string[] }[];
};
export type MemberHistory = { branchId: string; memberId: string; history: Decision[] };

export { currentSession, type Session } from '../shared/session.ts';

export async function logIn(account: string, password: string): Promise<Session> {
  await logInAs(account, password);
  return currentSession();
}

export async function meetings(): Promise<{ branches: Branch[]; meetings: MeetingRow[] }> {
  return (await api<{ branches: Branch[]; meetings: MeetingRow[] }>('/api/committee/meetings')).body;
}

/** The table's choice as the API reads it (no groups: the whole committee). */
export const tableBody = (choice: CapChoice) => ({
  capPercent: choice.capPercent,
  capBase: choice.capBase,
  groups: choice.groups.length ? choice.groups : undefined,
});

export async function table(year: number, choice: CapChoice): Promise<Table> {
  const body = { assessmentYear: year, ...tableBody(choice) };
  return (await api<Table>('/api/committee/classification', { body, headers: csrfHeader() })).body;
}

export async function decide(
  choice: CapChoice,
  input: {
    branchId: string;
    memberId: string;
    assessmentYear: number;
    level: string;
    reason?: string;
    override?: string;
    supersedes: string | null;
  },
): Promise<Decision> {
  const body = { ...tableBody(choice), ...input };
  return (await api<Decision>('/api/committee/decisions', { body, headers: csrfHeader() })).body;
}

export async function approveAll(
  year: number,
  choice: CapChoice,
): Promise<{ recorded: Decision[]; left: unknown[] }> {
  const body = { assessmentYear: year, ...tableBody(choice) };
  return (
    await api<{ recorded: Decision[]; left: unknown[] }>('/api/committee/decisions/approve', {
      body,
      headers: csrfHeader(),
    })
  ).body;
}

export async function history(year: number): Promise<MemberHistory[]> {
  return (await api<{ members: MemberHistory[] }>(`/api/committee/decisions?year=${year}`)).body.members;
}
