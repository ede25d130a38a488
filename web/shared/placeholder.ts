// A page not built yet: says so in both languages and points to what already works.
import { byId, h, mount } from './dom.ts';
import { type MessageKey, t } from './i18n.ts';
import { startPage } from './page.ts';

export function placeholderPage(title: MessageKey): void {
  startPage(
    () => t(title),
    () =>
      mount(
        byId('app'),
        h('h1', { text: t(title) }),
        h('p', { class: 'notice', text: t('placeholder.notYet') }),
        h('p', {}, h('a', { attrs: { href: '/verify' }, text: t('placeholder.verifyLink') })),
      ),
  );
}
