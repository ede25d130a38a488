// The minutes page (/minutes/<meetingId>): the certified result as a printable biên bản kiểm phiếu. It
// reads the public result and record; the QR on it opens the verifier, which checks everything again.
import QRCode from 'qrcode';
import type { AttendancePayload, CertificationPayload, ResultPayload } from '../../crypto/index.ts';
import { parseManifest } from '../../crypto/index.ts';
import { ApiError, api, apiText } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';
import { type MinutesData, minutesView } from './minutes-view.ts';

type ResultView = { result: ResultPayload; certifications: CertificationPayload[]; certified: boolean };
type RecordEvents = { events: Array<{ type: string; payload: string }> };

const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
let data: MinutesData | null = null;
let error: string | null = null;

async function load(): Promise<void> {
  try {
    const id = encodeURIComponent(meetingId);
    const view = (await api<ResultView>(`/api/meetings/${id}/result`)).body;
    const record = JSON.parse(await apiText(`/api/meetings/${id}/record`)) as RecordEvents;
    const manifest = parseManifest(record.events[0]!.payload);
    const attendance = record.events.filter((e) => e.type === 'attendance').at(-1);
    const verifyUrl = `${location.origin}/verify?meeting=${id}`;
    const src = await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'Q', margin: 2, width: 200 });
    data = {
      manifest,
      result: view.result,
      attendance: attendance ? (JSON.parse(attendance.payload) as AttendancePayload) : null,
      signedBy: view.certifications.map((c) => c.index).sort((a, b) => a - b),
      certified: view.certified,
      verifyQr: h('img', { class: 'qr', attrs: { src, alt: t('minutes.verify') } }),
      verifyUrl,
    };
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

function content(): Array<HTMLElement | null> {
  if (error) return [h('p', { class: 'notice error', attrs: { role: 'alert' }, text: error })];
  if (!data) return [h('p', { attrs: { role: 'status' }, text: t('booth.loading') })];
  return [
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        attrs: { type: 'button' },
        text: t('minutes.print'),
        on: { click: () => window.print() },
      }),
    ),
    h('article', { class: 'minutes', attrs: { id: 'minutes' } }, ...minutesView(data)),
  ];
}

function render(): void {
  mount(byId('app'), ...content());
}

startPage(() => t('minutes.title'), render);
void load();
