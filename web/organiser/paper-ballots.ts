// Paper ballots from the console (SPEC §3.1): like cards, each one's token is made in this browser and
// only (serial, pk) go to the server, marked as paper; the A4 pages (paper-sheet.ts) are printed through
// the browser or saved as a PDF made by a worker (the CLI's own PDF). The tokens live in this panel only
// and are gone when the page closes. The panel keeps its own state, so the page can re-render around it.
import { base64url, credentialFromToken, type Manifest, newToken, tokenText } from '../../crypto/index.ts';
import { ballotPages } from '../../src/shared/paper/layout.ts';
import { answer } from '../shared/client.ts';
import { h, mount } from '../shared/dom.ts';
import { actionForm, field, numberInput, showFieldError } from '../shared/forms.ts';
import { onLangChange, t } from '../shared/i18n.ts';
import { signedIn } from '../shared/session.ts';
import { runJob } from '../shared/worker-job.ts';
import { download } from './card-print.ts';
import type { PaperPdfRequest } from './paper-pdf-worker.ts';
import { paperPageView } from './paper-sheet.ts';

type Printed = { ballots: Array<{ serial: string; token: string }>; first: number; last: number };

const MAX_AT_ONCE = 2000;

export function paperBallotPanel(
  meetingId: string,
  manifest: Manifest,
  onChange: (message: string) => void,
): HTMLElement {
  const meeting = signedIn.meetings[':id'];
  const param = { id: meetingId };
  let printed: Printed | null = null;
  let status = '';
  const panel = h('section', { attrs: { id: 'paper-panel' } });

  async function make(count: number): Promise<Printed> {
    const { cards } = await answer(meeting.cards.$get({ param }));
    const first = Math.max(0, ...cards.map((c) => c.serial)) + 1;
    const ballots = Array.from({ length: count }, (_, i) => ({ serial: first + i, token: newToken() }));
    await answer(
      meeting.cards.$post({
        param,
        json: {
          cards: ballots.map((b) => ({
            serial: b.serial,
            pk: base64url(credentialFromToken(meetingId, b.token).pk),
            medium: 'paper' as const,
          })),
        },
      }),
    );
    return {
      ballots: ballots.map((b) => ({ serial: String(b.serial), token: tokenText(b.token) })),
      first,
      last: first + count - 1,
    };
  }

  async function savePdf(button: HTMLButtonElement): Promise<void> {
    if (!printed) return;
    button.disabled = true;
    const { first, last } = printed;
    const request: PaperPdfRequest = {
      manifest,
      ballots: printed.ballots.map((b) => ({ ...b, pages: ballotPages(manifest, b.serial) })),
    };
    status = t('organiser.cards.pdfMaking');
    draw();
    try {
      const job = runJob<PaperPdfRequest, Uint8Array>(
        new Worker('/assets/paper-pdf-worker.js'),
        request,
        () => {},
      );
      download(await job.result, `phieukin-phieu-giay-${first}-${last}.pdf`);
      status = t('organiser.paper.pdfSaved', { first, last });
    } catch (e) {
      status = t('organiser.cards.pdfFailed', { reason: (e as Error).message });
    }
    draw();
  }

  async function voidAll(button: HTMLButtonElement): Promise<void> {
    if (!printed) return;
    const { first, last } = printed;
    if (!window.confirm(t('organiser.paper.voidConfirm', { first, last }))) return;
    button.disabled = true;
    try {
      for (const b of printed.ballots)
        await answer(meeting.cards[':serial'].void.$post({ param: { ...param, serial: b.serial } }));
      printed = null;
      status = '';
      onChange(t('organiser.paper.voided', { first, last }));
    } catch (e) {
      status = (e as Error).message;
    }
    draw();
  }

  function printedView(p: Printed): HTMLElement {
    const pdfButton = h('button', {
      attrs: { type: 'button', id: 'save-paper-pdf' },
      text: t('organiser.cards.pdf'),
    });
    pdfButton.addEventListener('click', () => void savePdf(pdfButton));
    const voidButton = h('button', {
      class: 'danger',
      attrs: { type: 'button', id: 'void-paper' },
      text: t('organiser.paper.voidSet'),
    });
    voidButton.addEventListener('click', () => void voidAll(voidButton));
    return h(
      'div',
      { class: 'printed-paper', attrs: { id: 'printed-paper' } },
      h('p', { class: 'notice warn', attrs: { role: 'alert' }, text: t('organiser.paper.keep') }),
      h(
        'div',
        { class: 'actions' },
        h('button', {
          class: 'primary',
          attrs: { type: 'button', id: 'print-paper' },
          text: t('organiser.paper.print'),
          on: { click: () => window.print() },
        }),
        pdfButton,
        voidButton,
      ),
      h('p', { class: 'small', attrs: { id: 'paper-status', role: 'status' }, text: status }),
      h(
        'div',
        { class: 'paper-sheets', attrs: { id: 'paper-sheets' } },
        ...p.ballots.flatMap((b) =>
          ballotPages(manifest, b.serial).map((page) => paperPageView(manifest, page, b.token)),
        ),
      ),
    );
  }

  function draw(): void {
    const form: HTMLElement = actionForm(
      null,
      'organiser.paper.make',
      [
        h('p', { class: 'muted small', text: t('organiser.paper.help') }),
        field('organiser.paper.count', numberInput('count', '')),
      ],
      () => {
        const input = form.querySelector<HTMLInputElement>('[name="count"]')!;
        const count = Number(input.value.trim());
        if (!input.value.trim() || !Number.isInteger(count) || count < 1 || count > MAX_AT_ONCE) {
          showFieldError(form, 'count', t('organiser.paper.countInvalid', { max: MAX_AT_ONCE }));
          return;
        }
        make(count).then(
          (made) => {
            printed = made;
            status = '';
            onChange(t('organiser.paper.done', { first: made.first, last: made.last }));
            draw();
          },
          (e: Error) => showFieldError(form, 'count', e.message),
        );
      },
      'paper-form',
    );
    mount(panel, h('h2', { text: t('organiser.paper.title') }), form, printed ? printedView(printed) : null);
  }

  onLangChange(draw);
  draw();
  return panel;
}
