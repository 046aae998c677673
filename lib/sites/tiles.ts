/**
 * Reading search-result tiles. Selectors are written "css" or "css@attr" (take the attribute,
 * not the text). Every field has several selectors in preference order; a price with no
 * selector hit falls back to the first price-looking text in the tile.
 */
import type { RawItem } from './types';
import { emptyItem } from './types';
import { absUrl, attr, clean, safeQuery, safeQueryAll, text } from './dom';
import { type ParsedPrice, parsePrice } from './price';
import { conditionFromTitle, countryToIso2, parseCondition } from './facts';

export interface TileSpec {
  /** Tile selectors; the first one that matches anything is used for the whole page. */
  tiles: readonly string[];
  title: readonly string[];
  price: readonly string[];
  url: readonly string[];
  shipFrom?: readonly string[];
  condition?: readonly string[];
  /** Text to strip from titles ("Sponsored Ad - "). */
  titleNoise?: RegExp;
}

/** Value of "css" (text) or "css@attr" within root; "@attr" alone reads the root itself. */
export function pick(root: Element, spec: string): string | null {
  const at = spec.lastIndexOf('@');
  const sel = at >= 0 ? spec.slice(0, at) : spec;
  const name = at >= 0 ? spec.slice(at + 1) : null;
  const el = sel ? safeQuery(root, sel) : root;
  if (!el) return null;
  return name ? attr(el, name) : text(el);
}

export function pickFirst(root: Element, specs: readonly string[] | undefined): string | null {
  for (const s of specs ?? []) {
    const v = pick(root, s);
    if (v) return v;
  }
  return null;
}

const STRUCK = 'del, s, strike, [class*="origin" i], [class*="old" i], [class*="strike" i], [class*="list-price" i], [data-a-strike]';

/** First text in the element that reads as a price with a currency symbol (skipping struck-out prices). */
export function findPriceText(root: Element, host: string): ParsedPrice | null {
  for (const el of safeQueryAll(root, 'span, div, p, strong, b, em, ins').slice(0, 400)) {
    // The same tests as one condition, cheapest first: most elements fail on children or digits,
    // and the struck-out check (a walk up the tree per element) comes only for a real price.
    if (el.children.length > 3) continue;
    const raw = el.textContent;
    if (!raw || !/\d/.test(raw)) continue;
    const t = clean(raw);
    if (!t || t.length > 40) continue;
    const p = parsePrice(t, host, null);
    if (p?.currency && /[^\d\s.,-]/.test(t) && !el.closest(STRUCK)) return p;
  }
  return null;
}

export function readTile(tile: Element, spec: TileSpec, base: URL, currency: string | null): RawItem | null {
  let title = pickFirst(tile, spec.title);
  if (title && spec.titleNoise) title = clean(title.replace(spec.titleNoise, ''));
  if (!title) return null;
  const item = emptyItem(title);
  const shown = pickFirst(tile, spec.price);
  const p = (shown ? parsePrice(shown, base.hostname, currency) : null) ?? findPriceText(tile, base.hostname);
  if (p) Object.assign(item, p).currency ??= currency;
  item.url = absUrl(pickFirst(tile, spec.url), base);
  item.shipFrom = countryToIso2(pickFirst(tile, spec.shipFrom));
  item.condition = parseCondition(pickFirst(tile, spec.condition)) ?? conditionFromTitle(title);
  item.anchor = tile;
  return item;
}

/** All tiles of the page read with the spec (the first tile selector that matches wins). */
export function readTiles(root: ParentNode, spec: TileSpec, base: URL, currency: string | null): RawItem[] {
  for (const sel of spec.tiles) {
    const tiles = safeQueryAll(root, sel);
    if (!tiles.length) continue;
    const items: RawItem[] = [];
    for (const t of tiles) {
      const item = readTile(t, spec, base, currency);
      if (item) items.push(item);
    }
    if (items.length) return items;
  }
  return [];
}
