// Every problem and note a check of the verifier can give (SPEC §8), by a stable code with its parameters.
// The English text is made here, as the JSON report and the tests read it; the pages and the command
// line say the same in Vietnamese from the code and parameters (src/shared/verify-reasons.ts), so the
// verifier stays free of any language but the report's. A new code needs its texts there: the type check
// and test/shared/verify-reasons.test.ts refuse one without.

/**
 * The English template, {name} filled from the parameters, and the parameters only the pages' texts use:
 * where the English names a credential's key, a hash or an id, a page names the event by its position.
 * Throughout, `question` is a question's id, `number` its place in the manifest from 1, and `option` an
 * option's place from 1 (`optionIndex` from 0, as the English has always said it).
 */
const english = <const T extends string, const P extends readonly string[] = []>(
  template: T,
  ...pageParams: P
) => ({ template, pageParams });

export const REASONS = {
  'record.unreadable': english('{detail}'),
  'record.malformed': english('malformed record: {detail}'),

  'chain.height': english('event {index} ({type}): height {height}, expected {index}'),
  'chain.parent': english('event {index} ({type}): parent does not match the hash of the event before'),
  'chain.first': english('event {index} ({type}): the record must start with the manifest'),
  'chain.order': english('event {index} ({type}): not allowed while the meeting is {phase}'),
  'chain.poll_before_key': english('event {index} ({type}): the poll opened before the joint key'),
  'chain.joint_keys': english('more than one joint-key event'),

  'manifest.invalid': english('{detail}'),

  'ceremony.commitments': english('round {round}: expected one commitment from each of trustees 1…{n}'),
  'ceremony.commitment': english('{detail}', 'trustee'),
  'ceremony.joint_key': english('joint-key: K is not the sum of the trustees’ C_{i,0}'),
  'ceremony.key_count': english('joint-key: expected exactly {n} verification keys, one per trustee'),
  'ceremony.verification_key': english('joint-key: K_{trustee} does not match'),
  'ceremony.context': english('joint-key: ctx does not match'),
  'ceremony.shares': english('round {round}: trustee {trustee} did not send one share to each other trustee'),
  'ceremony.ack_missing': english('round {round}: expected one acknowledgement from trustee {trustee}'),
  'ceremony.complaint': english('round {round}: trustee {trustee} complained against trustee {against}'),
  'ceremony.ack_signature': english('round {round}: trustee {trustee}’s acknowledgement signature fails'),
  'ceremony.shares_early': english('round {round}: shares published before all commitments of the round'),
  'ceremony.ack_early': english('round {round}: trustee {trustee} acknowledged before the shares sent to it'),
  'ceremony.joint_key_early': english(
    'round {round}: the joint key was published before the acknowledgements',
  ),

  'credentials.keys': english('event {height}: keys must be a list'),
  'credentials.medium': english('event {height}: medium must be "card" or "paper"'),
  'credentials.key': english('event {height}: key {key}: {detail}'),
  'credentials.unsorted': english('event {height}: keys are not sorted by their bytes'),
  'credentials.activated_twice': english('event {height}: key {key} activated twice', 'first'),
  'credentials.void_unknown': english('event {height}: voided key {key} was never activated'),
  'credentials.voided_twice': english('event {height}: key {key} voided twice', 'first'),

  'ballots.malformed': english('ballot at height {height}: {detail}'),
  'ballots.not_activated': english('ballot at height {height}: credential {pk} is not activated'),
  'ballots.voided': english('ballot at height {height}: credential {pk} was voided', 'voided'),
  'ballots.voted_twice': english('ballot at height {height}: credential {pk} has already voted', 'first'),
  'ballots.signature': english('ballot at height {height}, signature: proof does not verify'),
  'ballots.proof': english('ballot at height {height}, {where}: proof does not verify', 'number', 'option'),
  'ballots.sum': english('ballot at height {height}, {where}: proof does not verify', 'number'),

  'codes.meeting': english('confirmation-code list: it is for another meeting'),
  'codes.no_ballots': english('confirmation-code list: no ballots'),
  'codes.server_key': english(
    'confirmation-code list: its receipt key differs from the one the record publishes',
  ),
  'codes.not_listed': english(
    'confirmation-code list: the ballot at height {height} is not listed as {code}',
  ),
  'codes.not_recorded': english(
    'confirmation-code list: code {code} at height {height} is not a ballot of the record',
  ),

  'tally.closed_count': english(
    'poll-closed counts a different number of ballots than the record holds ({ballots})',
  ),
  'tally.question': english('question {question}: missing or out of order in the tally', 'number'),
  'tally.options': english(
    'question {question}: the tally has {published} options, the manifest {expected}',
    'number',
  ),
  'tally.sum': english(
    'question {question}, option {optionIndex}: published sum differs from the sum of the ballots',
    'number',
    'option',
  ),
  'tally.questions': english('the tally does not have one entry per question'),

  'decryption.not_trustee': english('share at height {height}: {trustee} is not a trustee index'),
  'decryption.twice': english('share at height {height}: trustee {trustee} already published a share'),
  'decryption.share': english('share at height {height}: {detail}', 'trustee'),
  'decryption.too_few': english('result: trusteesUsed must name at least {k} distinct trustees'),
  'decryption.missing': english('result: no valid share from trustee(s) {trustees}'),
  'decryption.counts': english(
    'question {question}: decrypted counts {counts} differ from the published result',
    'number',
  ),

  'result.decided_by_hand': english(
    'event {height}: decidedByHand must list distinct questions, on a paper ballot',
  ),
  'result.paper_missing': english(
    'paperBallots missing: the record activates paper ballots and holds {paper}',
  ),
  'result.paper': english('paperBallots: {published}, the record holds {paper}'),
  'result.decided_by_hand_rows': english('decidedByHand: {published}, the paper ballots name {rows} rows'),
  'result.meeting': english('meetingId differs from the manifest'),
  'result.context': english('ctx differs from the joint key’s'),
  'result.ballots': english('ballots: {published}, the record holds {ballots}'),
  'result.activated': english('activated: {published}, the record activates {activated}'),
  'result.rule_set': english('ruleSet differs from the manifest'),
  'result.record_head': english(
    'recordHead is not the hash of the event before the result: the record was changed',
  ),
  'result.counted_at': english('countedAt: a whole number of milliseconds since 1970 expected'),
  'result.questions': english('questions: one entry per question of the manifest expected'),
  'result.question_shape': english('question {question}: wrong shape', 'number'),
  'result.blank': english('question {question}: blank {published}, expected {expected}', 'number'),
  'result.outcome_none': english('rule set "none" must have a null outcome'),
  'result.outcome_unchecked': english(
    'outcome not recomputed: no rules engine for "{ruleSet}" was given to the verifier',
  ),
  'result.outcome': english('outcome differs from what rule set {ruleSet} gives'),

  'certification.not_trustee': english('certification at height {height}: {trustee} is not a trustee'),
  'certification.twice': english('certification at height {height}: trustee {trustee} signed twice'),
  'certification.signature': english(
    'certification at height {height}: trustee {trustee}’s signature is not over this result',
  ),

  'note.not_reached': english('not reached'),
  'note.no_joint_key': english('no joint key yet'),
  'note.not_opened': english('the poll has not opened'),
  'note.not_tallied': english('the poll has not been tallied'),
  'note.no_result': english('no result yet'),
  'note.signatures': english('{signed} of the {k} signatures needed'),
} as const;

export type ReasonCode = keyof typeof REASONS;

/** The {name}s of a template; `C_{i,0}` is mathematics, not a parameter (no comma in a name). */
type Names<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string},${string}` ? never : P) | Names<Rest>
  : never;

export type ReasonParams<C extends ReasonCode> = {
  [K in Names<(typeof REASONS)[C]['template']> | (typeof REASONS)[C]['pageParams'][number]]: string | number;
};

/** A problem or a note of a check: its code, its parameters, and its English text. */
export type Reason = { [C in ReasonCode]: { code: C; params: ReasonParams<C>; text: string } }[ReasonCode];

const PARAM = /\{(\w+)\}/g;

/** Fills a {name} template (the reasons', the pages' messages, the API's errors); a name without a value
 * stays as it is written. */
export const fillTemplate = (template: string, params: Record<string, string | number>): string =>
  template.replace(PARAM, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

export function reason<C extends ReasonCode>(code: C, params: ReasonParams<C>): Reason {
  const text = fillTemplate(REASONS[code].template, params as Record<string, string | number>);
  return { code, params, text } as Reason;
}

/** The names a template fills. */
export const templateParams = (template: string): string[] => [...template.matchAll(PARAM)].map((m) => m[1]!);

/** Every parameter a code's reason carries: its English template's, and those only the pages' texts use. */
export const reasonParams = (code: ReasonCode): string[] => [
  ...new Set([...templateParams(REASONS[code].template), ...REASONS[code].pageParams]),
];
