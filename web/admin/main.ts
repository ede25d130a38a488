// The admin page (/admin): the server admin (the account the setup link created) builds the organisation
// tree (the kinds of src/shared/organisation-tree.ts), makes one-time invitation links for organisers of
// a chi bộ and committee members of a node above it, sees the accounts and the invitations still open, and
// revokes an invitation or disables an account. A link is shown once; only its hash is kept.

import type { InferResponseType } from 'hono/client';
import {
  KIND_NAMES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  ROLE_NAMES,
} from '../../src/shared/organisation-tree.ts';
import { answer } from '../shared/client.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { actionForm, field } from '../shared/forms.ts';
import { lang, type MessageKey, pick, t } from '../shared/i18n.ts';
import { type Notice, noticeAfter } from '../shared/notice.ts';
import { startPage } from '../shared/page.ts';
import { currentSession, roleOf, type Session, signedIn } from '../shared/session.ts';

type Node = InferResponseType<(typeof signedIn)['organisations']['$get']>['organisations'][number];
type Account = InferResponseType<(typeof signedIn)['accounts']['$get']>['accounts'][number];
type Invitation = InferResponseType<(typeof signedIn)['invitations']['$get']>['invitations'][number];
type Role = Account['role'];

const kindName = (kind: OrganisationKind) => pick(KIND_NAMES[kind]);

let session: Session | null = null;
let tree: Node[] = [];
let accounts: Account[] = [];
let invitations: Invitation[] = [];
let notice: Notice | null = null;
/** The link just made, shown this once with its role and unit. */
let link: { url: string; role: Role; place: string } | null = null;

async function load(): Promise<void> {
  session = await currentSession();
  if (roleOf(session) !== 'admin') return;
  tree = (await answer(signedIn.organisations.$get())).organisations;
  accounts = (await answer(signedIn.accounts.$get())).accounts;
  invitations = (await answer(signedIn.invitations.$get())).invitations;
}

async function act(run: () => Promise<string | null>): Promise<void> {
  notice = await noticeAfter(run);
  render();
}

/** A form that runs one action and shows its notice. */
const form = (
  id: string,
  title: MessageKey,
  submit: MessageKey,
  parts: HTMLElement[],
  run: () => Promise<string | null>,
) => actionForm(title, submit, parts, () => void act(run), id);

const select = (id: string, options: Array<[string, string]>) =>
  h('select', { attrs: { id } }, ...options.map(([value, text]) => h('option', { attrs: { value }, text })));

const placeName = (id: string) => tree.find((n) => n.id === id)?.name ?? t('admin.place.unknown');
const accountName = (id: string | null) =>
  id ? (accounts.find((a) => a.id === id)?.name ?? t('admin.place.unknown')) : t('admin.invitedBy.setup');
const dateText = (ms: number) =>
  new Date(ms).toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });

function treeView(parentId: string | null): HTMLElement | null {
  const children = tree.filter((n) => n.parentId === parentId);
  if (children.length === 0) return null;
  return h(
    'ul',
    {},
    ...children.map((n) =>
      h('li', {}, h('strong', { text: n.name }), ` (${kindName(n.kind)})`, treeView(n.id)),
    ),
  );
}

function organisationForm(): HTMLElement {
  const id = h('input', {
    attrs: { id: 'org-id', type: 'text', autocomplete: 'off', pattern: '[a-z0-9][a-z0-9-]*' },
  });
  const name = h('input', { attrs: { id: 'org-name', type: 'text', autocomplete: 'off' } });
  const kind = select(
    'org-kind',
    ORGANISATION_KINDS.map((k) => [k, kindName(k)]),
  );
  const parent = select('org-parent', [
    ['', t('admin.parent.none')],
    ...tree.map((n): [string, string] => [n.id, n.name]),
  ]);
  return form(
    'organisation-form',
    'admin.organisation.title',
    'admin.organisation.add',
    [
      ...field('admin.organisation.id', id),
      ...field('admin.organisation.name', name),
      ...field('admin.organisation.kind', kind),
      ...field('admin.organisation.parent', parent),
    ],
    async () => {
      await answer(
        signedIn.organisations.$post({
          json: {
            id: id.value,
            name: name.value,
            kind: kind.value as OrganisationKind,
            parentId: parent.value || null,
          },
        }),
      );
      await load();
      return t('admin.organisation.done', { name: name.value });
    },
  );
}

function invitationForm(): HTMLElement {
  const role = select('invite-role', [
    ['organiser', t('admin.role.organiser')],
    ['committee', t('admin.role.committee')],
    ['admin', t('admin.role.admin')],
  ]);
  const place = select(
    'invite-place',
    tree.map((n): [string, string] => [n.id, `${n.name} (${kindName(n.kind)})`]),
  );
  return form(
    'invitation-form',
    'admin.invitation.title',
    'admin.invitation.make',
    [...field('admin.invitation.role', role), ...field('admin.invitation.place', place)],
    async () => {
      link = null;
      const json = { role: role.value as Role, organisationId: place.value };
      const made = await answer(signedIn.invitations.$post({ json }));
      link = { url: made.url, role: made.role, place: placeName(made.organisationId) };
      await load();
      return t('admin.invitation.done');
    },
  );
}

function linkView(made: NonNullable<typeof link>): HTMLElement {
  const copied = h('span', { class: 'small', attrs: { id: 'copied', role: 'status' } });
  return h(
    'section',
    { class: 'notice ok', attrs: { id: 'new-invitation' } },
    h('label', {
      class: 'field',
      attrs: { for: 'invitation-link' },
      text: t('admin.invitation.linkLabel', { role: pick(ROLE_NAMES[made.role]), place: made.place }),
    }),
    h('input', { attrs: { id: 'invitation-link', type: 'text', readonly: true, value: made.url } }),
    h(
      'div',
      { class: 'actions' },
      h('button', {
        attrs: { type: 'button', id: 'copy-link' },
        text: t('admin.invitation.copy'),
        on: {
          click: () => {
            const input = byId('invitation-link') as HTMLInputElement;
            input.select();
            void navigator.clipboard?.writeText(made.url).then(
              () => {
                copied.textContent = t('admin.invitation.copied');
              },
              () => {
                copied.textContent = t('admin.invitation.copyByHand');
              },
            );
          },
        },
      }),
      copied,
    ),
  );
}

function invitationsView(): HTMLElement {
  return h(
    'section',
    { attrs: { id: 'invitations' } },
    h('h2', { text: t('admin.invitations.title') }),
    invitations.length === 0
      ? h('p', { class: 'muted', text: t('admin.invitations.none') })
      : h(
          'ul',
          { class: 'plain' },
          ...invitations.map((i) =>
            h(
              'li',
              { attrs: { 'data-invitation': i.id } },
              h('strong', { text: pick(ROLE_NAMES[i.role]) }),
              ` · ${placeName(i.organisationId)} · `,
              t('admin.invitations.line', {
                by: accountName(i.invitedBy),
                made: dateText(i.createdAt),
                until: dateText(i.expiresAt),
              }),
              ' ',
              h('button', {
                attrs: { type: 'button' },
                text: t('admin.invitations.revoke'),
                on: {
                  click: () =>
                    void act(async () => {
                      await answer(signedIn.invitations[':id'].revoke.$post({ param: { id: i.id } }));
                      await load();
                      return t('admin.invitations.revoked', { place: placeName(i.organisationId) });
                    }),
                },
              }),
            ),
          ),
        ),
  );
}

function accountsView(): HTMLElement {
  return h(
    'section',
    { attrs: { id: 'accounts' } },
    h('h2', { text: t('admin.accounts.title') }),
    h(
      'ul',
      { class: 'plain' },
      ...accounts.map((a) =>
        h(
          'li',
          { attrs: { 'data-account': a.name, 'data-disabled': a.disabledAt ? 'true' : 'false' } },
          h('strong', { text: a.name }),
          ` · ${pick(ROLE_NAMES[a.role])} · ${placeName(a.organisationId)} · `,
          a.disabledAt
            ? h('span', {
                class: 'bad',
                text: t('admin.accounts.disabled', { at: dateText(a.disabledAt) }),
              })
            : h('span', { text: t('admin.accounts.active') }),
          ' ',
          a.disabledAt
            ? null
            : h('button', {
                attrs: { type: 'button' },
                text: t('admin.accounts.disable'),
                on: {
                  click: () => {
                    if (!confirm(t('admin.accounts.confirm', { account: a.name }))) return;
                    void act(async () => {
                      await answer(signedIn.accounts[':id'].disable.$post({ param: { id: a.id } }));
                      await load();
                      return t('admin.accounts.done', { account: a.name });
                    });
                  },
                },
              }),
        ),
      ),
    ),
  );
}

function render(): void {
  const parts: Array<HTMLElement | null> = [
    h('h1', { text: t('admin.title') }),
    notice ? h('p', { class: `notice ${notice.tone}`, attrs: { role: 'status' }, text: notice.text }) : null,
  ];
  if (roleOf(session) !== 'admin')
    parts.push(
      h(
        'p',
        { class: 'notice warn' },
        t('admin.notAdmin'),
        ' ',
        h('a', { attrs: { href: '/' }, text: t('admin.loginPage') }),
      ),
    );
  else {
    parts.push(
      h('section', { attrs: { id: 'tree' } }, h('h2', { text: t('admin.tree.title') }), treeView(null)),
      organisationForm(),
      invitationForm(),
      link ? linkView(link) : null,
      invitationsView(),
      accountsView(),
    );
  }
  mount(byId('app'), ...parts);
}

startPage(() => t('admin.title'), render);
void act(async () => {
  await load();
  return null;
});
