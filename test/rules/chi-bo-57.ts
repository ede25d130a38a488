// A whole chi bộ: 57 official members summoned, 2 excluded (one registered elsewhere, one absent with
// leave), 52 present, 52 ballots. The chi bộ, its secretary, 3 leaders and 53 members are on the ballot.
import { applyRuleSet, type RuleInput, type RuleOutcome } from '../../src/shared/rules/index.ts';
import { meeting, type Subject, subject } from './helpers.ts';

export const BALLOTS = 52;
const m = meeting(57, { excluded: 2, present: BALLOTS, activated: BALLOTS, ballots: BALLOTS });
const s = (id: string, counts: Record<string, number>, over: Partial<Subject> = {}) =>
  subject(id, counts, BALLOTS, over);

/** The linked confidence vote of the same year: 57 ballots, leader l1 has 31 "tín nhiệm thấp". */
export const confidence57: RuleOutcome = applyRuleSet({
  ruleSet: 'QD96-2023',
  meeting: meeting(57),
  subjects: [
    subject('bt', { cao: 40, 'tin-nhiem': 15, thap: 2 }, 57, { role: 'secretary' }),
    subject('l1', { cao: 6, 'tin-nhiem': 20, thap: 31 }, 57, { role: 'leader' }),
    subject('l2', { cao: 17, 'tin-nhiem': 20, thap: 20 }, 57, { role: 'leader' }),
  ],
});

/** HTXSNV votes of the ten members proposed HTXSNV: two tie at 33 across the cap of 8. */
export const BEST_VOTES = [50, 48, 45, 44, 40, 38, 36, 33, 33, 29];

export const chiBo57: RuleInput = {
  ruleSet: 'QD366-2025',
  meeting: m,
  linkedConfidence: confidence57,
  subjects: [
    s('cb', { htxsnv: 8, httnv: 40, htnv: 4 }, { role: 'collective', name: 'Chi bộ Khối Văn phòng' }),
    s('bt', { htxsnv: 30, httnv: 22 }, { role: 'secretary' }),
    s('l1', { httnv: 45, htnv: 7 }, { role: 'leader' }),
    s('l2', { httnv: 40, htnv: 12 }, { role: 'leader' }),
    s('l3', { httnv: 40, htnv: 10 }, { role: 'leader' }),
    ...BEST_VOTES.map((v, i) => s(`x${i + 1}`, { htxsnv: v, httnv: BALLOTS - v - 1 })),
    s('nm', { htxsnv: 27, httnv: 25 }),
    s(
      'kl',
      { httnv: 45, htnv: 7 },
      { facts: [{ code: 'disciplined-duty', source: 'Quyết định số 21-QĐ/ĐU ngày 03/7/2025' }] },
    ),
    s(
      'kn',
      {},
      {
        facts: [{ code: 'admitted-under-6-months', source: 'Quyết định kết nạp số 60-QĐ/ĐU ngày 01/9/2025' }],
      },
    ),
    s('kv', { khtnv: 30, htnv: 22 }),
    s('hv', { htnv: 35, httnv: 17 }),
    ...Array.from({ length: 38 }, (_, i) => s(`t${i + 1}`, { htxsnv: 5, httnv: 45 })),
  ],
};
