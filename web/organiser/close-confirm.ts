// The confirmation before the poll closes: the ballots cast, the members present by the attendance and the
// cards activated, the cards still unused, and a warning when the ballots cast are too few for any level
// (or "yes") to reach its threshold for anyone, whatever they say (reachAtClose, src/shared/rules). It
// stays on the page while the counts move, so the organiser sees each ballot that still comes in.
import type { Manifest } from '../../crypto/index.ts';
import { type ReachAtClose, reachAtClose } from '../../src/shared/rules/index.ts';
import { h } from '../shared/dom.ts';
import { formatNumber, type MessageKey, t } from '../shared/i18n.ts';
import type { MeetingDetails } from './meeting-view.ts';

const WARNINGS: Record<ReachAtClose['kind'], MessageKey> = {
  classification: 'organiser.closeCheck.noLevel',
  confidence: 'organiser.closeCheck.noConfidence',
  motion: 'organiser.closeCheck.noMotion',
};

function line(label: MessageKey, value: string, id: string): HTMLElement {
  return h('div', {}, h('dt', { text: t(label) }), h('dd', { attrs: { id }, text: value }));
}

export function closeConfirmation(
  m: MeetingDetails,
  manifest: Manifest,
  actions: { confirm: () => void; cancel: () => void },
): HTMLElement {
  const { cast, activated } = m.counts;
  const attendance = m.attendance
    ? { summoned: m.attendance.summoned, present: m.attendance.present, excluded: m.attendance.excluded ?? 0 }
    : null;
  const reach = reachAtClose({ manifest, attendance, activated, cast });
  const unused = activated - cast;
  return h(
    'section',
    { class: 'close-confirm', attrs: { id: 'close-confirm', 'aria-labelledby': 'close-confirm-title' } },
    h('h2', { attrs: { id: 'close-confirm-title', tabindex: '-1' }, text: t('organiser.closeCheck.title') }),
    h(
      'dl',
      { class: 'close-counts' },
      line('organiser.closeCheck.cast', formatNumber(cast), 'close-cast'),
      line(
        'organiser.closeCheck.present',
        attendance ? formatNumber(attendance.present) : t('organiser.closeCheck.noAttendance'),
        'close-present',
      ),
      line('organiser.closeCheck.activated', formatNumber(activated), 'close-activated'),
    ),
    unused > 0
      ? h('p', {
          attrs: { id: 'close-unused' },
          text: t('organiser.closeCheck.unused', { n: formatNumber(unused) }),
        })
      : null,
    reach && reach.reachable.length === 0
      ? h('p', {
          class: 'notice warn',
          attrs: { id: 'close-warning', role: 'alert' },
          text: t(WARNINGS[reach.kind], { cast: formatNumber(cast), base: formatNumber(reach.denominator) }),
        })
      : null,
    h('p', { text: t('organiser.closeConfirm') }),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'danger',
        attrs: { type: 'button', id: 'close-confirm-do' },
        text: t('organiser.closeCheck.do'),
        on: { click: actions.confirm },
      }),
      h('button', {
        attrs: { type: 'button', id: 'close-cancel' },
        text: t('organiser.closeCheck.cancel'),
        on: { click: actions.cancel },
      }),
    ),
  );
}
