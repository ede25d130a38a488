// Creating a meeting: its kind and rule set (from the rules engine, which runs here as on the server), every
// setting of the rule set with its default, citation and certainty — a value other than the default needs
// its basis (căn cứ, e.g. the chi bộ's resolution) — the subjects from the roster, the motions, a linked
// confidence result when the rule set uses one, and the trustees. POST /api/meetings; the server's
// warnings are kept for the meeting page to show.

import type { InferRequestType } from 'hono/client';
import { defaultSubjects, KINDS, type Kind } from '../../src/shared/domain.ts';
import {
  assessmentYearAt,
  citationWords,
  DEFAULT_CLASSIFICATION,
  ruleSetFitsYear,
  ruleSets,
  type SettingInfo,
  valueLabel,
} from '../../src/shared/rules/index.ts';
import { tableFor } from '../../src/shared/rules/registry.ts';
import { h, mount } from '../shared/dom.ts';
import { field, numberInput, textInput } from '../shared/forms.ts';
import { type MessageKey, pick, type Text, t } from '../shared/i18n.ts';
import { answer, meetingApi, signedIn } from './organiser-api.ts';
import type { RosterMember } from './roster-rows.ts';

type Value = string | number | boolean;
export type MeetingSummary = { id: string; title: string; kind: string; status: string; ruleSet: string };

const NO_RULE_SET = 'none';
const DEFAULT_RULE_SET: Record<Kind, string> = {
  classification: DEFAULT_CLASSIFICATION,
  confidence: 'QD96-2023',
  motion: 'motion',
};
const CREATED_WARNINGS = 'phieukin.createdWarnings';

type FormState = {
  title: string;
  kind: Kind;
  ruleSet: string;
  values: Record<string, Value>;
  basis: Record<string, string>;
  /** null: the default subjects of the kind */
  subjects: Set<string> | null;
  motions: string;
  n: number;
  k: number;
  linked: string;
  missingBasis: Set<string>;
  /** classification: the year assessed (bound in the manifest) */
  year: number;
};

const fresh = (kind: Kind = 'classification'): FormState => ({
  title: '',
  kind,
  ruleSet: DEFAULT_RULE_SET[kind],
  values: {},
  basis: {},
  subjects: null,
  motions: '',
  n: 3,
  k: 2,
  linked: '',
  missingBasis: new Set(),
  year: assessmentYearAt(Date.now()),
});

let form = fresh();

/** The members a meeting of this kind asks about unless the organiser chooses otherwise. */
function defaultSubjectIds(kind: Kind, roster: RosterMember[]): Set<string> {
  return new Set(defaultSubjects(kind, roster).map((m) => m.id));
}

const valueText = (s: SettingInfo, v: Value) => pick(valueLabel(s, v));
const chosenValue = (s: SettingInfo): Value => (s.key in form.values ? form.values[s.key]! : s.default);

function settingField(s: SettingInfo, redraw: () => void): HTMLElement {
  const value = chosenValue(s);
  const changed = value !== s.default;
  const id = `setting-${s.key}`;
  const control =
    s.allowed.length > 1
      ? h(
          'select',
          {
            attrs: { id, name: s.key },
            on: {
              change: (event) => {
                form.values[s.key] = s.allowed[Number((event.target as HTMLSelectElement).value)]!;
                redraw();
              },
            },
          },
          ...s.allowed.map((v, i) =>
            h('option', {
              attrs: { value: String(i), selected: v === value },
              text:
                v === s.default
                  ? t('organiser.setting.defaultValue', { value: valueText(s, v) })
                  : valueText(s, v),
            }),
          ),
        )
      : h('p', { attrs: { id }, text: valueText(s, value) });
  const basis = h('input', {
    attrs: {
      type: 'text',
      id: `basis-${s.key}`,
      name: `basis-${s.key}`,
      value: form.basis[s.key] ?? '',
      autocomplete: 'off',
      'aria-required': 'true',
      'aria-invalid': form.missingBasis.has(s.key) ? 'true' : null,
    },
    on: {
      input: (event) => {
        form.basis[s.key] = (event.target as HTMLInputElement).value;
      },
    },
  });
  return h(
    'fieldset',
    { class: changed ? 'setting changed' : 'setting', attrs: { 'data-setting': s.key } },
    h('legend', { text: pick(s.name) }),
    h('p', { class: 'small', text: pick(s.description) }),
    s.allowed.length > 1
      ? h('label', { class: 'field', attrs: { for: id }, text: t('organiser.setting.value') })
      : null,
    control,
    h(
      'p',
      { class: 'muted small' },
      t('organiser.setting.default', { value: valueText(s, s.default) }),
      ' · ',
      t('organiser.setting.citation', { citation: pick(citationWords(s.citation)) }),
      ' · ',
      t('organiser.setting.certainty', { certainty: t(`organiser.certainty.${s.certainty}` as MessageKey) }),
    ),
    changed
      ? h('label', { class: 'field', attrs: { for: basis.id }, text: t('organiser.setting.basis') })
      : null,
    changed ? basis : null,
    changed && form.missingBasis.has(s.key)
      ? h('p', {
          class: 'notice error',
          attrs: { role: 'alert' },
          text: t('organiser.setting.basisRequired'),
        })
      : null,
  );
}

function subjectsField(roster: RosterMember[], redraw: () => void): HTMLElement {
  const chosen = form.subjects ?? defaultSubjectIds(form.kind, roster);
  const boxes = roster.map((m) => {
    const box = h('input', {
      attrs: {
        type: 'checkbox',
        name: 'subject',
        value: m.id,
        checked: chosen.has(m.id),
        disabled: form.kind === 'confidence' && m.role === 'collective',
      },
      on: {
        change: (event) => {
          const next = new Set(form.subjects ?? defaultSubjectIds(form.kind, roster));
          if ((event.target as HTMLInputElement).checked) next.add(m.id);
          else next.delete(m.id);
          form.subjects = next;
          redraw();
        },
      },
    });
    return h('label', { class: 'subject-choice' }, box, ` ${m.name} (${m.id})`);
  });
  return h(
    'fieldset',
    { attrs: { id: 'subjects' } },
    h('legend', {
      text: t(
        form.kind === 'classification' ? 'organiser.new.subjectsMembers' : 'organiser.new.subjectsLeaders',
      ),
    }),
    h('p', { class: 'muted small', text: t('organiser.new.subjectsCount', { count: chosen.size }) }),
    roster.length === 0 ? h('p', { class: 'notice warn', text: t('organiser.new.noRoster') }) : null,
    ...boxes,
  );
}

function linkedField(meetings: MeetingSummary[]): HTMLElement | null {
  if (form.kind !== 'classification' || form.ruleSet === NO_RULE_SET) return null;
  const table = tableFor(form.ruleSet);
  if (table.kind !== 'classification' || table.lowConfidence === null) return null;
  const candidates = meetings.filter(
    (m) => m.kind === 'confidence' && m.status === 'decrypted' && m.ruleSet === 'QD96-2023',
  );
  if (candidates.length === 0) return null;
  const select = h(
    'select',
    {
      attrs: { id: 'linked-confidence', name: 'linkedConfidence' },
      on: {
        change: (event) => {
          form.linked = (event.target as HTMLSelectElement).value;
        },
      },
    },
    h('option', { attrs: { value: '' }, text: t('organiser.new.linkedNone') }),
    ...candidates.map((m) =>
      h('option', { attrs: { value: m.id, selected: form.linked === m.id }, text: m.title }),
    ),
  );
  return h(
    'div',
    {},
    ...field('organiser.new.linked', select),
    h('p', { class: 'muted small', text: t('organiser.new.linkedHelp') }),
  );
}

/** Checks the form; returns the request body, or null after marking what is missing. */
/** The body POST /api/meetings takes, as the route declares it. */
type CreateBody = InferRequestType<typeof signedIn.meetings.$post>['json'];

function requestBody(roster: RosterMember[]): CreateBody | null {
  const info = ruleSets[form.ruleSet];
  const settings: Record<string, { value: Value; basis: string }> = {};
  form.missingBasis = new Set();
  for (const s of info?.settings ?? []) {
    const value = chosenValue(s);
    if (value === s.default) continue;
    const basis = (form.basis[s.key] ?? '').trim();
    if (!basis) form.missingBasis.add(s.key);
    settings[s.key] = { value, basis };
  }
  if (form.missingBasis.size > 0) return null;
  const subjects = [...(form.subjects ?? defaultSubjectIds(form.kind, roster))];
  const motions = form.motions
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((prompt) => ({ prompt }));
  return {
    title: form.title.trim(),
    kind: form.kind,
    ruleSet: form.ruleSet,
    trustees: { n: form.n, k: form.k },
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    ...(form.kind === 'classification' ? { assessmentYear: form.year } : {}),
    ...(form.kind === 'motion'
      ? { motions }
      : { subjects: roster.filter((m) => subjects.includes(m.id)).map((m) => m.id) }),
  };
}

export type FormActions = {
  act: (run: () => Promise<string | null>) => void;
  problem: (text: string) => void;
};

/** The new-meeting form; it redraws itself in place as the kind, rule set and settings change. */
export function meetingForm(roster: RosterMember[], meetings: MeetingSummary[], a: FormActions): HTMLElement {
  const container = h('form', { attrs: { id: 'new-meeting-form', novalidate: true } });
  const draw = () => {
    const info = ruleSets[form.ruleSet];
    const title = textInput('title', form.title);
    title.addEventListener('input', () => {
      form.title = title.value;
    });
    const kind = h(
      'select',
      {
        attrs: { name: 'kind' },
        on: {
          change: (event) => {
            form = {
              ...fresh((event.target as HTMLSelectElement).value as Kind),
              title: form.title,
              n: form.n,
              k: form.k,
            };
            draw();
          },
        },
      },
      ...KINDS.map((k) =>
        h('option', { attrs: { value: k, selected: form.kind === k }, text: t(`organiser.kind.${k}`) }),
      ),
    );
    const ruleSet = h(
      'select',
      {
        attrs: { name: 'ruleSet' },
        on: {
          change: (event) => {
            form = {
              ...form,
              ruleSet: (event.target as HTMLSelectElement).value,
              values: {},
              basis: {},
              missingBasis: new Set(),
            };
            draw();
          },
        },
      },
      ...Object.values(ruleSets)
        .filter((r) => r.kind === form.kind)
        .map((r) =>
          h('option', { attrs: { value: r.id, selected: form.ruleSet === r.id }, text: pick(r.title) }),
        ),
      h('option', {
        attrs: { value: NO_RULE_SET, selected: form.ruleSet === NO_RULE_SET },
        text: t('organiser.new.noRuleSet'),
      }),
    );
    const n = numberInput('n', form.n);
    n.addEventListener('input', () => {
      form.n = Number(n.value);
    });
    const k = numberInput('k', form.k);
    k.addEventListener('input', () => {
      form.k = Number(k.value);
    });
    const year = numberInput('assessmentYear', form.year);
    year.addEventListener('change', () => {
      form.year = Number(year.value);
      draw();
    });
    const motions = h('textarea', { attrs: { rows: 3, name: 'motions' } });
    motions.value = form.motions;
    motions.addEventListener('input', () => {
      form.motions = motions.value;
    });
    mount(
      container,
      h('h2', { text: t('organiser.new.title') }),
      ...field('organiser.new.name', title),
      ...field('organiser.new.kind', kind),
      ...(form.kind === 'classification' ? field('organiser.new.year', year) : []),
      ...field('organiser.new.ruleSet', ruleSet),
      form.kind === 'classification' && info && !ruleSetFitsYear(info.id, form.year)
        ? h('p', {
            class: 'notice warn',
            attrs: { id: 'rule-set-year', role: 'status' },
            text: t('organiser.new.yearMismatch', { ruleSet: info.id, year: form.year }),
          })
        : null,
      info
        ? h('p', {
            class: 'muted small',
            attrs: { id: 'rule-set-citation' },
            text: t('organiser.setting.citation', { citation: info.citation }),
          })
        : null,
      info && info.settings.length > 0
        ? h(
            'details',
            { attrs: { id: 'settings', open: Object.keys(form.values).length > 0 || null } },
            h('summary', { text: t('organiser.new.settings', { count: info.settings.length }) }),
            ...info.settings.map((s) => settingField(s, draw)),
          )
        : null,
      form.kind === 'motion'
        ? h('div', {}, ...field('organiser.new.motions', motions))
        : subjectsField(roster, draw),
      linkedField(meetings),
      ...field('organiser.new.n', n),
      ...field('organiser.new.k', k),
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', attrs: { type: 'submit' }, text: t('organiser.new.create') }),
      ),
    );
  };
  container.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = requestBody(roster);
    if (!body) {
      draw();
      container.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      a.problem(t('organiser.setting.basisMissing'));
      return;
    }
    a.act(async () => {
      const linked = form.linked
        ? (await answer(meetingApi.result.$get({ param: { id: form.linked } }))).result.outcome
        : undefined;
      const created = await answer(
        signedIn.meetings.$post({ json: { ...body, ...(linked ? { linkedConfidence: linked } : {}) } }),
      );
      keepWarnings(
        created.id,
        created.warnings.map((w) => w.message),
      );
      form = fresh();
      location.assign(`/?meeting=${encodeURIComponent(created.id)}`);
      return null;
    });
  });
  draw();
  return container;
}

function keepWarnings(meetingId: string, warnings: Text[]): void {
  try {
    sessionStorage.setItem(CREATED_WARNINGS, JSON.stringify({ meetingId, warnings }));
  } catch {
    // storage blocked: the warnings stay in the record, shown again when the poll opens
  }
}

/** The server's warnings from creating this meeting, once (the page right after creation shows them). */
export function takeCreatedWarnings(meetingId: string): Text[] {
  try {
    const kept = JSON.parse(sessionStorage.getItem(CREATED_WARNINGS) ?? 'null') as {
      meetingId: string;
      warnings: Text[];
    } | null;
    if (kept?.meetingId !== meetingId) return [];
    sessionStorage.removeItem(CREATED_WARNINGS);
    return kept.warnings;
  } catch {
    return [];
  }
}
