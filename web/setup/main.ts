// The pages the one-time links open: setup (`/setup#<token>`), where the admin chooses a password, and an
// invitation (`/invite#<token>`), where the invitee names the account and chooses a password. The token
// stays in the URL fragment, which browsers never send; it is posted to /api/auth/setup or
// /api/auth/invitation and then removed from the address. An invitation is checked first: the page names
// the role and unit it makes, or says at once why the link is dead (used, expired, revoked, unknown).
import { KIND_NAMES, ROLE_NAMES } from '../../src/shared/organisation-tree.ts';
import { ApiError } from '../shared/api.ts';
import { answer, apiClient } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { lang, type MessageKey, pick, t } from '../shared/i18n.ts';
import { startPage } from '../shared/page.ts';

const invitation = location.pathname.startsWith('/invite');
const token = location.hash.slice(1);
const auth = apiClient().auth;

type Done = { account: string; role: 'admin' | 'organiser' | 'committee'; place?: string };
let done: Done | null = null;
let error: string | null = null;
let busy = false;
/** What the invitation makes, once checked; `dead` why it cannot be used (the form is not shown then). */
let invited: { role: Done['role']; place: string; until: number } | null = null;
let dead: string | null = null;
const DEAD = ['invitation_unknown', 'invitation_used', 'invitation_expired', 'invitation_revoked'];
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
    if (invitation) {
      const made = await answer(
        auth.invitation.$post({ json: { token, account: typed.account, password: typed.p1 } }),
      );
      done = { account: made.account, role: made.role, place: made.organisationName };
    } else
      done = { ...(await answer(auth.setup.$post({ json: { token, password: typed.p1 } }))), role: 'admin' };
    history.replaceState(null, '', location.pathname);
  } catch (e) {
    if (e instanceof ApiError && DEAD.includes(e.code)) dead = e.message;
    else error = e instanceof ApiError ? e.message : String(e);
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

async function check(): Promise<void> {
  try {
    const found = await answer(auth.invitation.check.$post({ json: { token } }));
    const place = `${found.organisation.name} (${pick(KIND_NAMES[found.organisation.kind])})`;
    invited = { role: found.role, place, until: found.expiresAt };
  } catch (e) {
    if (e instanceof ApiError && DEAD.includes(e.code)) dead = e.message;
    else error = e instanceof ApiError ? e.message : String(e);
  }
  render();
}

const untilText = (ms: number) =>
  new Date(ms).toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });

function render(): void {
  const title = h('h1', { text: t(invitation ? 'setup.inviteTitle' : 'setup.title') });
  if (dead && !done) {
    mount(
      byId('app'),
      h('h1', { text: t('setup.deadTitle') }),
      h('p', { class: 'notice error', attrs: { role: 'alert', id: 'status' }, text: dead }),
    );
    return;
  }
  if (done) {
    const next = NEXT[done.role] ?? NEXT.organiser;
    const saved = invitation
      ? t('setup.created', { account: done.account, role: t(next.role), place: done.place ?? '' })
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
  else if (invitation && !invited && !error)
    mount(
      byId('app'),
      title,
      h('p', { class: 'muted', attrs: { role: 'status' }, text: t('setup.checking') }),
    );
  else
    mount(
      byId('app'),
      title,
      invited
        ? h('p', {
            attrs: { id: 'invited' },
            text: t('setup.invitedAs', {
              role: pick(ROLE_NAMES[invited.role]),
              place: invited.place,
              until: untilText(invited.until),
            }),
          })
        : null,
      form(),
    );
}

startPage(() => t(invitation ? 'setup.inviteTitle' : 'setup.title'), render);
if (invitation && token) void check();
