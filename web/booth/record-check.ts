// "Check my code in the record", on the booth's receipt screen: the phone downloads the meeting's
// confirmation-code list (SPEC §7: every code with its ballot's height, a few kilobytes, the same list for
// every phone, so nothing tells which code it looked for) instead of the whole record, finds its code there,
// checks that it sits at the height the receipt names, and checks the server's signature on the receipt
// against the key the list carries. The full verifier holds the list to the record (check `ballots`). Its
// state outlives a re-render (language switch).
import {
  type CodeList,
  confirmationCode,
  fromBase64url,
  type Receipt,
  receiptValid,
} from '../../crypto/index.ts';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { h, mount } from '../shared/dom.ts';
import { t } from '../shared/i18n.ts';
import { type CodeAnswer, codeAnswerView, lookUpCode } from '../verify/code-lookup.ts';
import type { KeptReceipt } from './booth-storage.ts';

export type ReceiptInRecord = {
  answer: CodeAnswer;
  /** The list has, at the receipt's height, the code of the receipt's ballot hash. */
  atReceipt: boolean;
  /** The receipt's signature verifies under the published server key. */
  signatureValid: boolean;
};

export function receiptInList(list: CodeList, receipt: Receipt, code: string): ReceiptInRecord {
  const there = list.ballots.find((b) => b.height === receipt.height);
  let receiptCode: string | null = null;
  try {
    receiptCode = confirmationCode(fromBase64url(receipt.ballotHash, 64));
  } catch {
    // a receipt whose hash does not decode matches nothing
  }
  return {
    answer: lookUpCode(
      code,
      list.ballots.map((b) => b.code),
    ),
    atReceipt: receiptCode !== null && there?.code === receiptCode,
    signatureValid: list.serverKey !== null && receiptValid(receipt, list.serverKey),
  };
}

type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; result: ReceiptInRecord }
  | { kind: 'failed'; message: string };

const states = new Map<string, CheckState>();
const keyOf = (kept: KeptReceipt) => `${kept.meetingId} ${kept.pk}`;

async function check(kept: KeptReceipt, box: HTMLElement): Promise<void> {
  states.set(keyOf(kept), { kind: 'checking' });
  draw(kept, box);
  let next: CheckState;
  try {
    const list = await answer(apiClient().meetings[':id'].codes.$get({ param: { id: kept.meetingId } }));
    next = { kind: 'checked', result: receiptInList(list, kept.receipt, kept.confirmationCode) };
  } catch (error) {
    const message = error instanceof ApiError ? error.message : (error as Error).message;
    next = { kind: 'failed', message: t('booth.check.failed', { message }) };
  }
  states.set(keyOf(kept), next);
  if (box.isConnected) draw(kept, box);
}

function resultView(kept: KeptReceipt, result: ReceiptInRecord): Array<HTMLElement | null> {
  const height = kept.receipt.height;
  return [
    codeAnswerView(result.answer),
    result.answer.kind === 'found'
      ? h('p', {
          class: `notice ${result.atReceipt ? 'ok' : 'error'}`,
          attrs: { id: 'record-position', 'data-ok': String(result.atReceipt) },
          text: result.atReceipt
            ? t('booth.check.atReceipt', { height })
            : t('booth.check.notAtReceipt', { height }),
        })
      : null,
    h('p', {
      class: `notice ${result.signatureValid ? 'ok' : 'error'}`,
      attrs: { id: 'record-signature', 'data-valid': String(result.signatureValid) },
      text: result.signatureValid ? t('booth.check.signatureValid') : t('booth.check.signatureInvalid'),
    }),
  ];
}

function draw(kept: KeptReceipt, box: HTMLElement): void {
  const state = states.get(keyOf(kept)) ?? { kind: 'idle' };
  const button = h('button', {
    class: 'block',
    attrs: { type: 'button', id: 'check-record', disabled: state.kind === 'checking' },
    text:
      state.kind === 'idle' || state.kind === 'checking' ? t('booth.check.button') : t('booth.check.again'),
    on: { click: () => void check(kept, box) },
  });
  mount(
    box,
    h('h2', { text: t('booth.check.title') }),
    h('p', { class: 'muted', text: t('booth.check.intro') }),
    h('div', { class: 'actions' }, button),
    state.kind === 'checking' ? h('p', { attrs: { role: 'status' }, text: t('booth.check.loading') }) : null,
    state.kind === 'failed'
      ? h('p', { class: 'notice error', attrs: { role: 'alert', id: 'record-failed' }, text: state.message })
      : null,
    ...(state.kind === 'checked' ? resultView(kept, state.result) : []),
  );
}

/** The section of the receipt screen that looks the code up in the record. */
export function recordCheckView(kept: KeptReceipt): HTMLElement {
  const box = h('section', { attrs: { id: 'record-check' } });
  draw(kept, box);
  return box;
}
