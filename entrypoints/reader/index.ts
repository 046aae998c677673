import { mountBadge, type BadgeActions, type ChoiceKind } from '@/components/Badge';
import { mountPagePanel, type PagePanelProps, type PanelItem } from '@/components/PagePanel';
import { adoptStyles } from '@/components/badge-css';
import { extractPage, itemKey, type RawItem } from '@/lib/sites';
import { createTranslate } from '@/lib/i18n';
import { setMassUnit } from '@/lib/format';
import type { EstimateReply, ItemPayload, Reply, SuggestionReply } from '@/lib/messages';
import { alive, onNewerCopy, watchLocation } from './lifetime';

/**
 * The page reader: reads the marketplace page, asks the background for estimates and shows the
 * badges. Declared in the manifest by wxt.config.ts (content_scripts, the registry's hosts, at
 * document_idle) as a plain script: WXT's content-script context is not worth its start-up cost on
 * every page (./lifetime.ts does what we need of it).
 */
export default defineUnlistedScript(() => {
  // The badge's strings and the UI language come with the first estimates (lib/i18n BADGE_KEYS):
  // browser.i18n is first called here only when the shopper opens a panel.
  const known: Record<string, string> = {};
  const t = createTranslate((key, subs) => browser.i18n.getMessage(key as never, subs), known);
  let locale = navigator.language;
  // An item is read once per page: by its key (url or title+price) within one location, and
  // never twice on the same tile. Single-page navigation starts a new page (keys and summary).
  let seen = new Set<string>();
  const badged = new WeakSet<Element>();
  const hosts: Element[] = [];
  const summary: PanelItem[] = [];
  let unanchored = 0;
  let anchored = 0;
  let panelHost: HTMLElement | null = null;
  let updatePanel: ((props: PagePanelProps) => void) | null = null;
  let hidden = false;

  // A message to a service worker that dies on the way may never be answered: give up after
  // 5 s (the UI then says so and the shopper can try again) instead of waiting forever.
  const send = <T,>(message: unknown): Promise<Reply<T> | undefined> =>
    Promise.race([
      (browser.runtime.sendMessage(message) as Promise<Reply<T> | undefined>).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000)),
    ]);
  // Titles are clamped here too (as the message schema does, lib/messages.ts): a 100,000-character
  // title is not worth sending across, nor laying out in the page panel.
  const TITLE_MAX = 500;
  const payload = ({ anchor: _anchor, ...rest }: RawItem): ItemPayload => ({ ...rest, title: rest.title.slice(0, TITLE_MAX) });

  function hidePage() {
    hidden = true;
    void send({ type: 'content-to-background:hide-page' });
    teardown();
  }

  // A search page's badges are made when their tile comes within a screen of the viewport: a page
  // of 60 tiles shows a few at a time, and most shoppers never scroll through all of them. Until
  // then the tile has nothing of ours: every insertion is a record for each of the page's own
  // MutationObservers and a change to the tile's layout. The page panel lists every item's
  // footprint either way.
  // The observer is made with the first search badge: product pages never need one.
  const undrawn = new Map<Element, () => void>();
  let nearby: IntersectionObserver | null = null;
  const onNearby = (entries: IntersectionObserverEntry[]) => {
    const t0 = performance.now();
    for (const { target, isIntersecting } of entries) {
      if (!isIntersecting) continue;
      nearby?.unobserve(target);
      undrawn.get(target)?.();
      undrawn.delete(target);
    }
    performance.measure('carbon-lens:draw', { start: t0 });
  };

  let stopped = false;
  function teardown() {
    stopped = true;
    stopWatching();
    observer?.disconnect();
    nearby?.disconnect();
    undrawn.clear();
    for (const host of hosts) host.remove();
    panelHost?.remove();
  }

  function actionsFor(item: RawItem): BadgeActions {
    return {
      async choose(kind: ChoiceKind, suggestion?: SuggestionReply) {
        const message = {
          type: 'content-to-background:record-choice',
          kind,
          item: payload(item),
          ...(kind === 'switch' ? { chosen: suggestion?.chosen ?? null } : {}),
        };
        // Recording is idempotent (one choice per action, item and day), so an unanswered
        // attempt (the worker stopped mid-way) is simply sent again once.
        const r = (await send<{ id: string; kg: number }>(message)) ?? (await send<{ id: string; kg: number }>(message));
        return r?.ok ? { ok: true, id: r.data.id, kg: r.data.kg } : { ok: false, error: r?.error ?? 'no answer' };
      },
      async undo(id) {
        const r = await send<{ undone: boolean }>({ type: 'content-to-background:undo', id });
        return Boolean(r?.ok && r.data.undone);
      },
      hidePage,
      openMethodology: () => void send({ type: 'content-to-background:open-methodology' }),
    };
  }

  /** Our element with a closed root, not yet in the page (teardown removes it once it is). */
  function create(tag: string, attrs: Record<string, string>): { host: HTMLElement; root: ShadowRoot } {
    const host = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, v);
    // Closed root; delegatesFocus: focusing the host (assistive tools, tests) focuses its button.
    const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
    hosts.push(host);
    return { host, root };
  }

  function placeBadge(anchor: Element, kind: 'product' | 'search') {
    // Next to a product title; inside a search tile (after it would break grids and lists).
    return (host: HTMLElement) =>
      kind === 'search' && anchor.localName !== 'a' ? anchor.append(host) : anchor.insertAdjacentElement('afterend', host);
  }

  function renderPanel() {
    if (summary.length === 0) return;
    const props: PagePanelProps = { items: [...summary], unanchored, t, locale, hidePage };
    if (!panelHost || !updatePanel) {
      const { host, root } = create('carbon-lens-panel', {});
      adoptStyles(root);
      panelHost = host;
      updatePanel = mountPagePanel(root, props);
    } else updatePanel(props);
    // For tests and assistive tools: items read, and those with a badge on their tile (drawn or
    // waiting for the tile to near the viewport). Set before the first insertion: records fewer
    // for the page's MutationObservers.
    panelHost.setAttribute('data-items', String(summary.length));
    panelHost.setAttribute('data-anchored', String(anchored));
    if (!panelHost.isConnected) document.body.append(panelHost);
  }

  // One read at a time; a change that arrives during a read triggers one more read after it.
  let scanning = false;
  let again = false;
  function scan() {
    if (hidden || stopped) return;
    if (!alive()) return teardown();
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    void read().finally(() => {
      scanning = false;
      if (again) {
        again = false;
        scan();
      }
    });
  }

  let linksAtRead = -1;
  async function read() {
    const t0 = performance.now();
    const page = extractPage(document, new URL(location.href));
    performance.measure('carbon-lens:extract', { start: t0 });
    // A product page, once read, is not observed until navigation; any other page is, from its
    // first read on (that read saw everything before it).
    // (Counting the page's links walks the whole document: only pages that are observed need it.)
    if (page.kind === 'product' && page.items.length > 0) observer?.disconnect();
    else {
      linksAtRead = document.links.length;
      observe();
    }
    // New items: keys not seen in an earlier read (two tiles of one product in this read both count).
    const fresh: RawItem[] = [];
    const keys: string[] = [];
    for (const item of page.items) {
      const key = itemKey(item);
      if (seen.has(key) || (item.anchor && badged.has(item.anchor))) continue;
      fresh.push(item);
      keys.push(key);
    }
    if (fresh.length === 0) return;
    for (const key of keys) seen.add(key);
    const reply = await send<EstimateReply>({
      type: 'content-to-background:estimate',
      site: page.site,
      kind: page.kind,
      keys,
      items: fresh.map(payload),
    });
    performance.measure('carbon-lens:reply', { start: t0 });
    if (!reply?.ok || !reply.data.enabled || stopped) return;
    const detailed = reply.data.badgeMode === 'detailed';
    setMassUnit(reply.data.units);
    Object.assign(known, reply.data.strings);
    locale = reply.data.locale;
    fresh.forEach((item, i) => {
      const e = reply.data.estimates[i];
      if (!e) return;
      summary.push({ title: item.title.slice(0, TITLE_MAX), url: item.url, kg: e.kg, low: e.low, high: e.high });
      if (!item.anchor?.isConnected) {
        unanchored++;
        return;
      }
      badged.add(item.anchor);
      anchored++;
      const place = placeBadge(item.anchor, page.kind);
      const draw = () => {
        // What the badge shows, for tests and assistive tools (the shadow root stays closed).
        const { host, root } = create('carbon-lens-badge', {
          'data-kg': String(e.kg),
          'data-low': String(e.low),
          'data-high': String(e.high),
          'data-tier': e.tier,
          'data-suggestions': String(e.suggestions.length),
        });
        adoptStyles(root);
        mountBadge(root, { estimate: e, t, locale, detailed, actions: actionsFor(item) });
        place(host);
      };
      if (page.kind === 'search') {
        const target = boxed(item.anchor);
        undrawn.set(target, draw);
        (nearby ??= new IntersectionObserver(onNearby, { rootMargin: '100% 0px' })).observe(target);
      } else draw();
    });
    renderPanel();
    performance.measure('carbon-lens:badges', { start: t0 });
  }

  // Infinite scroll and single-page navigation: re-read after DOM changes settle; only new
  // items (by itemKey) get badges. Observe, never poll; everything ends with teardown().
  // Cheap filters keep the page's own churn from costing main-thread time: a batch counts only
  // if it adds content elements; a re-read happens only if the page's links changed (new tiles
  // bring links); a product page, once read, is not observed again until navigation.
  let pending = false;
  let observer: MutationObserver | null = null;
  const onMutations = (records: MutationRecord[]) => {
    if (pending || !records.some((r) => Array.prototype.some.call(r.addedNodes, isContent))) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      if (document.links.length !== linksAtRead) scan();
    }, 250);
  };
  // (Observing an observed node again only renews the options.)
  const observe = () => (observer ??= new MutationObserver(onMutations)).observe(document.body, { childList: true, subtree: true });
  const stopWatching = watchLocation(() => {
    if (stopped) return;
    seen = new Set();
    summary.length = 0;
    // Tiles the page took away with the old view are drawn never: let them go.
    for (const anchor of undrawn.keys())
      if (!anchor.isConnected) {
        nearby?.unobserve(anchor);
        undrawn.delete(anchor);
      }
    unanchored = 0;
    anchored = 0;
    panelHost?.remove();
    panelHost = null;
    updatePanel = null;
    scan();
  });
  onNewerCopy(teardown);
  // The first read waits for the page to finish loading and go idle: the page's own start-up
  // scripts keep the main thread busy, and competing with them makes both slower. Some pages
  // never fire load (a request that hangs): then two seconds after the DOM is ready will do.
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    requestIdleCallback(() => scan(), { timeout: 1000 });
  };
  if (document.readyState === 'complete') start();
  else {
    window.addEventListener('load', start, { once: true });
    setTimeout(start, 2000);
  }
});

/**
 * The element to watch for a tile nearing the viewport: the tile or, when it is `display:
 * contents` (no box of its own, so it never intersects: Shopee's tiles), its first descendant
 * down the first-child line that is not. One style read per tile: cheap while the page's style is
 * clean, as it is at idle before the first read inserts anything.
 */
function boxed(tile: Element): Element {
  let el = tile;
  for (let depth = 0; depth < 4 && el.firstElementChild && getComputedStyle(el).display === 'contents'; depth++) el = el.firstElementChild;
  return el;
}

const NOT_CONTENT = new Set(['carbon-lens-badge', 'carbon-lens-panel', 'script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'br']);

/** An element the page added that may hold items (not ours, not a script, style or frame). */
function isContent(node: Node): boolean {
  return node.nodeType === 1 && !NOT_CONTENT.has((node as Element).localName);
}
