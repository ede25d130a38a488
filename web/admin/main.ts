// The admin page (/admin): the server admin (the account the setup link created) builds the organisation
// tree (the kinds of src/shared/organisation-tree.ts) and makes one-time invitation links for organisers of
// a chi bộ and committee members of a node above it. The links are shown once; only their hashes are kept.

import { KIND_NAMES, ORGANISATION_KINDS, type OrganisationKind } from '../../src/shared/organisation-tree.ts';
import { api } from '../shared/api.ts';
import { byId, h, mount } from '../shared/dom.ts';
import { actionForm, field } from '../shared/forms.ts';
import { type MessageKey, pick, t } from '../shared/i18n.ts';
import { type Notice, noticeAfter } from '../shared/notice.ts';
import { startPage } from '../shared/page.ts';
import { csrfHeader, currentSession, roleOf, type Session } from '../shared/session.ts';

type Node = { id: string; name: string; kind: OrganisationKind; parentId: string | null };

const kindName = (kind: OrganisationKind) => pick(KIND_NAMES[kind]);

let session: Session | null = null;
let tree: Node[] = [];
let notice: Notice | null = null;
let link: string | null = null;

const send = <T>(path: string, body: unknown) =>
  api<T>(path, { body, headers: csrfHeader() }).then((r) => r.body);

async function load(): Promise<void> {
  session = await currentSession();
  if (roleOf(session) === 'admin')
    tree = (await api<{ organisations: Node[] }>('/api/organisations')).body.organisations;
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

function treeView(parentId: string | null): HTMLElement | null {
  const children = tree.filter((n) => n.parentId === parentId);
  if (children.length === 0) return null;
  return h(
    'ul',
    {},
    ...children.map((n) =>
      h('li', {}, h('strong', { text: n.name }), ` (${kindName(n.kind)}, ${n.id})`, treeView(n.id)),
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
      await send('/api/organisations', {
        id: id.value,
        name: name.value,
        kind: kind.value,
        parentId: parent.value || null,
      });
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
      link = (
        await send<{ url: string }>('/api/invitations', { role: role.value, organisationId: place.value })
      ).url;
      return t('admin.invitation.done');
    },
  );
}

function render(): void {
  const parts: Array<HTMLElement | null> = [
    h('h1', { text: t('admin.title') }),
    notice ? h('p', { class: `notice ${notice.tone}`, attrs: { role: 'status' }, text: notice.text }) : null,
  ];
  if (roleOf(session) !== 'admin') parts.push(h('p', { class: 'notice warn', text: t('admin.notAdmin') }));
  else {
    parts.push(
      h('section', { attrs: { id: 'tree' } }, h('h2', { text: t('admin.tree.title') }), treeView(null)),
      organisationForm(),
      invitationForm(),
      link
        ? h('p', { class: 'notice ok' }, h('code', { attrs: { id: 'invitation-link' }, text: link }))
        : null,
    );
  }
  mount(byId('app'), ...parts);
}

startPage(() => t('admin.title'), render);
void act(async () => {
  await load();
  return null;
});
