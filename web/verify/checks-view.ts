// The verifier's report: one row per named check (SPEC §8) with its status, what it covers, and the
// problems or the note the verifier gave, in the page's language from their codes (never the report's
// English text).
import { CHECKS, type Check, type CheckName } from '../../crypto/index.ts';
import { CHECK_STATUS_TEXTS, CHECK_TEXTS, reasonLines, reasonText } from '../../src/shared/verify-reasons.ts';
import { h } from '../shared/dom.ts';
import { lang, t } from '../shared/i18n.ts';

/** A reported status in the page's language; a check not yet reported is still running. */
const statusText = (status: Check['status'] | 'running'): string =>
  status === 'running' ? t('verify.status.running') : CHECK_STATUS_TEXTS[status][lang()];

function checkRow(name: CheckName, check: Check | null): HTMLElement {
  const status = check?.status ?? 'running';
  return h(
    'li',
    { class: 'check', attrs: { 'data-check': name, 'data-status': status } },
    h(
      'div',
      { class: 'check-head' },
      h('span', { text: CHECK_TEXTS[name].name[lang()] }),
      h('span', { class: `status ${status}`, text: statusText(status) }),
    ),
    h('p', { class: 'muted small', text: CHECK_TEXTS[name].about[lang()] }),
    check?.note ? h('p', { class: 'small', text: reasonText(check.note, lang()) }) : null,
    check && check.problems.length > 0
      ? h(
          'ul',
          { class: 'problems' },
          ...reasonLines(check.problems, lang()).map((line) => h('li', { text: line })),
        )
      : null,
  );
}

/** Every check, in the order of SPEC §8; those not yet reported show as running. */
export function checksView(checks: Check[] | null): HTMLElement {
  return h(
    'ul',
    { class: 'checks' },
    ...CHECKS.map((name) => checkRow(name, checks?.find((c) => c.name === name) ?? null)),
  );
}
