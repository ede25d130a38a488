// The projector (/projector/<meetingId>): cards activated and ballots cast, live, and nothing about
// what anyone chose. Reads the public counts every two seconds.
import { ApiError, api } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';

type Counts = { status: string; activated: number; cast: number };
type MeetingInfo = { title: string };

const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
let title = '';
let counts: Counts | null = null;
let error: string | null = null;

function render(): void {
  mount(
    byId('app'),
    h('h1', { text: title || t('projector.title') }),
    error ? h('p', { class: 'notice error', attrs: { role: 'alert' }, text: error }) : null,
    counts
      ? h(
          'div',
          { attrs: { role: 'status' } },
          h('p', { class: 'code-big', text: `${counts.cast} / ${counts.activated}` }),
          h('p', { text: t('projector.counts', { cast: counts.cast, activated: counts.activated }) }),
          h('p', { class: 'muted', text: t(`poll.${counts.status}` as MessageKey) }),
        )
      : null,
  );
}

async function refresh(): Promise<void> {
  try {
    const id = encodeURIComponent(meetingId);
    if (!title) title = (await api<MeetingInfo>(`/api/vote/${id}`)).body.title;
    counts = (await api<Counts>(`/api/meetings/${id}/counts`)).body;
    error = null;
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

startPage(() => t('projector.title'), render);
void refresh();
setInterval(() => void refresh(), 2000);
