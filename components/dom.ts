/**
 * The in-page UI is built with the DOM API, with no framework: the reader runs on every
 * marketplace page and its size and start-up cost are budgeted (docs/BENCHMARKS.md). Text only
 * ever goes in as text nodes, never as markup.
 */
import type { Translate } from '@/lib/format';

type Child = Node | string | false | null | undefined;

/** An element with a class and children; strings become text nodes, falsy children are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Sets attributes and returns the element. */
export function attrs<E extends Element>(node: E, values: Record<string, string>): E {
  for (const k in values) node.setAttribute(k, values[k]!);
  return node;
}

/** A button (type=button, so it never submits a form of the page) with its click handler. */
export function button(className: string, text: string, onClick: (e: MouseEvent) => unknown): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A link to a page the shopper may open, or plain text when `url` is not http(s): a URL read
 * from a page may be `javascript:` or worse, and such a link is never made.
 */
export function link(url: string | null, text: string): HTMLElement {
  if (!url || !/^https?:\/\//i.test(url)) return el('span', '', text);
  return attrs(el('a', '', text), { href: url, target: '_top', rel: 'noopener noreferrer' });
}

/** The last row of the badge panel and the page panel: hide on this page (trusted clicks only), close. */
export function panelFooter(t: Translate, hidePage: () => void, close: () => void): HTMLElement {
  return el(
    'span',
    'cl-actions',
    button('cl-link', t('hidePage'), (e) => e.isTrusted && hidePage()),
    button('cl-close', t('close'), close),
  );
}
