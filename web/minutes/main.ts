// The minutes page (/minutes/<meetingId>): the certified result as a printable biên bản kiểm phiếu, with
// PDF, CSV and XLSX downloads of the same numbers. It fetches the server's minutes JSON (a few kilobytes)
// rather than the record (megabytes of ballots on a large meeting); the server computes it with the same
// pure function (src/shared/minutes/minutes.ts) anyone can run on the record, and the QR on the page opens the
// verifier, which checks the whole record again in the browser.
import QRCode from 'qrcode';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { type MinutesPage, minutesView } from './minutes-view.ts';

const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
let page: MinutesPage | null = null;
let error: string | null = null;

async function load(): Promise<void> {
  try {
    const minutes = await answer(apiClient().meetings[':id'].minutes.$get({ param: { id: meetingId } }));
    const verifyUrl = `${location.origin}${minutes.verifyPath}`;
    const src = await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    const verifyQr = h('img', {
      class: 'qr',
      attrs: { id: 'verify-qr', src, alt: t('minutes.verify.qr'), width: 240, height: 240 },
    });
    page = { minutes, verifyUrl, verifyQr };
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

function downloads(): HTMLElement {
  const link = (ext: 'pdf' | 'csv' | 'xlsx') =>
    h('a', {
      class: 'button',
      attrs: {
        href: `${base}/minutes.${ext}`,
        download: `bien-ban-${meetingId}.${ext}`,
        id: `download-${ext}`,
      },
      text: t(`minutes.download.${ext}`),
    });
  return h(
    'div',
    { class: 'actions' },
    h('button', {
      class: 'primary',
      attrs: { type: 'button' },
      text: t('minutes.print'),
      on: { click: () => window.print() },
    }),
    link('pdf'),
    link('csv'),
    link('xlsx'),
  );
}

function content(): HTMLElement[] {
  if (error) return [h('p', { class: 'notice error', attrs: { role: 'alert' }, text: error })];
  if (!page) return [h('p', { attrs: { role: 'status' }, text: t('minutes.loading') })];
  return [downloads(), h('article', { class: 'minutes', attrs: { id: 'minutes' } }, ...minutesView(page))];
}

function render(): void {
  mount(byId('app'), ...content());
}

startPage(() => t('minutes.title'), render);
void load();
