// The pages the one-time links open: setup (`/setup#<token>`), where the admin chooses a password, and an
// invitation (`/invite#<token>`), where the invitee names the account and chooses a password. The token
// stays in the URL fragment, which browsers never send; it is posted to /api/auth/setup or
// /api/auth/invitation and then removed from the address.
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';

const invitation = location.pathname.startsWith('/invite');
const token = location.hash.slice(1);
const auth = apiClient().auth;

type Done = { account: string; role: 'admin' | 'organiser' | 'committee' };
let done: Done | null = null;
let error: string | null = null;
let busy = false;
const typed = { account: '', p1: '', p2: '' };

/** Where each kind of account goes next, and what it is called. */
const NEXT: Record<Done['role'], { href: string; role: MessageKey }> = {
  admin: { href: '/', role: 'setup.role.admin' },
  organiser: { href: '/', role: 'setup.role.organiser' },
  committee: { href: '/committee', role: 'setup.role.committee' },
};

async function save(): Promise<void> {
  if (typed.p1 !== typed.p2) {
    error = t('setup.mismatch');
    render();
    return;
  }
  busy = true;
  error = null;
  render();
  try {
    done = invitation
      ? await answer(auth.invitation.$post({ json: { token, account: typed.account, password: typed.p1 } }))
      : { ...(await answer(auth.setup.$post({ json: { token, password: typed.p1 } }))), role: 'admin' };
    history.replaceState(null, '', location.pathname);
  } catch (e) {
    error = e instanceof ApiError ? e.message : String(e);
  }
  busy = false;
  render();
}

function input(id: keyof typeof typed, attrs: Record<string, string | number>): HTMLInputElement {
  const element = h('input', { attrs: { id, value: typed[id], required: true, ...attrs } });
  element.addEventListener('input', () => {
    typed[id] = element.value;
  });
  return element;
}

function form(): HTMLElement {
  const password = { type: 'password', autocomplete: 'new-password', minlength: 10 };
  return h(
    'form',
    {
      attrs: { id: 'setup' },
      on: {
        submit: (event) => {
          event.preventDefault();
          void save();
        },
      },
    },
    ...(invitation
      ? [
          h('label', { class: 'field', attrs: { for: 'account' }, text: t('setup.account') }),
          input('account', { type: 'text', autocomplete: 'username', minlength: 3, maxlength: 60 }),
        ]
      : []),
    h('label', { class: 'field', attrs: { for: 'p1' }, text: t('setup.password') }),
    input('p1', password),
    h('label', { class: 'field', attrs: { for: 'p2' }, text: t('setup.repeat') }),
    input('p2', password),
    error ? h('p', { class: 'notice error', attrs: { role: 'alert', id: 'status' }, text: error }) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', attrs: { type: 'submit', disabled: busy }, text: t('setup.save') }),
    ),
  );
}

function render(): void {
  const title = h('h1', { text: t(invitation ? 'setup.inviteTitle' : 'setup.title') });
  if (done) {
    const next = NEXT[done.role] ?? NEXT.organiser;
    const saved = invitation
      ? t('setup.created', { account: done.account, role: t(next.role) })
      : t('setup.saved', { account: done.account });
    mount(
      byId('app'),
      title,
      h('p', { class: 'notice ok', attrs: { role: 'status', id: 'status' }, text: saved }),
      h(
        'p',
        {},
        h('a', {
          class: 'button primary',
          attrs: { id: 'continue', href: next.href },
          text: t('setup.continue'),
        }),
      ),
    );
  } else if (!token) mount(byId('app'), title, h('p', { class: 'notice error', text: t('setup.noToken') }));
  else mount(byId('app'), title, form());
}

startPage(() => t(invitation ? 'setup.inviteTitle' : 'setup.title'), render);
