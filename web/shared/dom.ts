// A small DOM helper: build elements with attributes, handlers and children; replace a node's content.

type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Props = {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Record<string, Handler>;
};

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** An element: h('button', { class: 'primary', on: { click } }, 'Gửi'). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, handler] of Object.entries(props.on ?? {})) element.addEventListener(name, handler);
  append(element, children);
  return element;
}

/**
 * Replaces the content of `parent` with `children`. A node kept from the old content (a panel the page holds
 * across renders, such as a running camera scanner) is never detached: the others are removed and the new
 * ones placed around it. Detaching it would drop a click whose press came before the render and whose
 * release after, and the text or focus of a field inside it.
 */
export function mount(parent: Element, ...children: Child[]): void {
  const nodes = children
    .filter(
      (child): child is Node | string | number => child !== null && child !== undefined && child !== false,
    )
    .map((child) => (typeof child === 'object' ? child : document.createTextNode(String(child))));
  const kept = new Set(nodes);
  for (const old of [...parent.childNodes]) if (!kept.has(old)) old.remove();
  nodes.forEach((node, i) => {
    const at = parent.childNodes[i] ?? null;
    if (at !== node) parent.insertBefore(node, at);
  });
}

/** The element with this id; throws when the page lacks it (a build mistake, not a user error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}
