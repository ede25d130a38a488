// The frame every page shares: a header with the name and the language switch, and the main area the
// page renders into; the page's render function runs again when the language changes.
import { byId, h, mount } from './dom.ts';
import { lang, onLangChange, setLang, t } from './i18n.ts';

function header(): HTMLElement {
  const other = lang() === 'vi' ? 'en' : 'vi';
  return h(
    'div',
    { class: 'bar-inner' },
    h('span', { class: 'brand', text: t('app.name') }),
    h('button', {
      class: 'link lang-switch',
      text: t('lang.switch'),
      attrs: { type: 'button', lang: other, 'aria-label': t('lang.switchLabel') },
      on: { click: () => setLang(other) },
    }),
  );
}

/** Sets up the header and calls `render` now and on every language change. */
export function startPage(title: () => string, render: () => void): void {
  document.documentElement.lang = lang();
  const draw = () => {
    document.title = `${title()} · ${t('app.name')}`;
    mount(byId('bar'), header());
    render();
  };
  onLangChange(draw);
  draw();
}
