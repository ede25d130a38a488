// The committee's calls through the typed client (docs/api.md, "Committee"); the answers' shapes are the
// routes' own (src/routes/committee.ts). The session cookie goes by itself; state-changing calls carry the
// session's anti-forgery token (web/shared/session.ts).
import type { InferResponseType } from 'hono/client';
import type { Role } from '../../src/shared/domain.ts';
import { answer } from '../shared/client.ts';
import { currentSession, logIn as logInAs, type Session, signedIn } from '../shared/session.ts';

const committee = signedIn.committee;

export type MeetingList = InferResponseType<(typeof committee)['meetings']['$get']>;
export type Branch = MeetingList['branches'][number];
export type MeetingRow = MeetingList['meetings'][number];
export type Table = InferResponseType<(typeof committee)['classification']['$post']>;
export type BranchStatus = Table['branches'][number];
export type TableRow = Table['groups'][number]['rows'][number];
export type MemberHistory = InferResponseType<(typeof committee)['decisions']['$get']>['members'][number];
export type Decision = MemberHistory['history'][number];
/** The table's choice as the page sets it: the cap and the groups it applies over (none: the whole committee). */
export type CapChoice = {
  capPercent: number;
  capBase: 'httnv' | 'httnv-and-better';
  groups: { name: string; branchIds?: string[]; roles?: Role[] }[];
};
type DecisionInput = Omit<Parameters<(typeof committee)['decisions']['$post']>[0]['json'], keyof CapChoice>;

export { currentSession, type Session };

export async function logIn(account: string, password: string): Promise<Session> {
  await logInAs(account, password);
  return currentSession();
}

export const meetings = (): Promise<MeetingList> => answer(committee.meetings.$get());

/** The table's choice as the API reads it (no groups: the whole committee). */
export const tableBody = (choice: CapChoice) => ({
  capPercent: choice.capPercent,
  capBase: choice.capBase,
  groups: choice.groups.length ? choice.groups : undefined,
});

export const table = (year: number, choice: CapChoice): Promise<Table> =>
  answer(committee.classification.$post({ json: { assessmentYear: year, ...tableBody(choice) } }));

export const decide = (choice: CapChoice, input: DecisionInput): Promise<Decision> =>
  answer(committee.decisions.$post({ json: { ...tableBody(choice), ...input } }));

export const approveAll = (year: number, choice: CapChoice) =>
  answer(committee.decisions.approve.$post({ json: { assessmentYear: year, ...tableBody(choice) } }));

export async function history(year: number): Promise<MemberHistory[]> {
  return (await answer(committee.decisions.$get({ query: { year: String(year) } }))).members;
}
