import { render } from 'preact';
import { Badge } from '@/components/Badge';
import { extractPage, siteMatchPatterns, type RawItem } from '@/lib/sites';
import { createTranslate } from '@/lib/i18n';
import type { EstimateReply, EstimateReplyItem, ItemPayload, Reply } from '@/lib/messages';

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const t = createTranslate((key, subs) => browser.i18n.getMessage(key as never, subs));
    const locale = browser.i18n.getUILanguage();
    const seen = new Set<string>();
    const hosts: Element[] = [];

    const itemKey = (item: RawItem) => `${item.url ?? ''}|${item.title}|${item.price ?? ''}`;
    const payload = ({ anchor: _anchor, ...rest }: RawItem): ItemPayload => rest;

    async function scan() {
      // A User Timing measure, read by `npm run bench` (the page's timeline; costs microseconds).
      const t0 = performance.now();
      const page = extractPage(document, new URL(location.href));
      performance.measure('carbon-lens:extract', { start: t0, end: performance.now() });
      const fresh = page.items.filter((item) => !seen.has(itemKey(item)));
      if (fresh.length === 0) return;
      for (const item of fresh) seen.add(itemKey(item));
      const reply = (await browser.runtime.sendMessage({
        type: 'content-to-background:estimate',
        site: page.site,
        items: fresh.map(payload),
      })) as Reply<EstimateReply>;
      if (!reply?.ok || !reply.data.enabled || !ctx.isValid) return;
      fresh.forEach((item, i) => {
        const estimate = reply.data.estimates[i];
        if (estimate && item.anchor?.isConnected) hosts.push(mountBadge(item, estimate));
      });
    }

    function mountBadge(item: RawItem, estimate: EstimateReplyItem): Element {
      const host = document.createElement('carbon-lens-badge');
      host.setAttribute('data-kg', String(estimate.kg));
      host.setAttribute('data-low', String(estimate.low));
      host.setAttribute('data-high', String(estimate.high));
      host.setAttribute('data-tier', estimate.tier);
      // delegatesFocus: focusing the host (assistive tools, tests) focuses the badge button inside.
      const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
      item.anchor!.insertAdjacentElement('afterend', host);
      const onSkip = async () => {
        const r = (await browser.runtime.sendMessage({
          type: 'content-to-background:record-choice',
          kind: 'skip',
          item: payload(item),
        })) as Reply<{ kg: number }>;
        return r?.ok ? ({ ok: true, kg: r.data.kg } as const) : ({ ok: false, error: r?.error ?? 'no answer' } as const);
      };
      render(<Badge estimate={estimate} t={t} locale={locale} onSkip={onSkip} />, root);
      return host;
    }

    void scan();
    // Infinite scroll and single-page navigation: re-read, only new items get badges.
    let pending = false;
    const observer = new MutationObserver((records) => {
      if (pending || records.every((r) => isOurs(r.target))) return;
      pending = true;
      ctx.setTimeout(() => {
        pending = false;
        void scan();
      }, 250);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => void scan());
    ctx.onInvalidated(() => {
      observer.disconnect();
      for (const host of hosts) host.remove();
    });
  },
});

function isOurs(node: Node): boolean {
  return node instanceof Element && (node.localName === 'carbon-lens-badge' || node.localName === 'carbon-lens-panel');
}
