/**
 * Accessibility harness: the real in-page components (Badge, PagePanel, their CSS) rendered in
 * OPEN shadow roots on a plain page, so axe-core can inspect what the closed roots hide.
 */
import { mountBadge } from '../../../components/Badge';
import { mountPagePanel } from '../../../components/PagePanel';
import { adoptStyles } from '../../../components/badge-css';
import type { EstimateReplyItem } from '../../../lib/messages';
import { createTranslate } from '../../../lib/i18n';
import messages from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
/** chrome.i18n.getMessage over the shipped en messages, behind the extension's own translator. */
const t = createTranslate((key, subs = []) => {
  const m = (messages as Messages)[key];
  if (!m) return '';
  return m.message.replace(/\$(\w+)\$/g, (_, name: string) => subs[Number(m.placeholders?.[name]?.content.slice(1)) - 1] ?? '');
});

const estimate: EstimateReplyItem = {
  kg: 12.3,
  low: 6.1,
  high: 25,
  tier: 'T4',
  categoryId: 'monitor',
  categoryName: 'Monitors',
  categoryMatch: { by: 'breadcrumb', keyword: 'Monitors' },
  breakdown: [
    { stage: 'production', kg: 9 },
    { stage: 'shipping', kg: 2.3 },
    { stage: 'packaging', kg: 1 },
  ],
  notes: [{ key: 'typicalWeight', args: [{ kg: 5.5 }] }, { key: 'crossBorder', args: [8123, { key: 'mode_sea' }, 'CN'] }],
  methodVersion: '1.0.0',
  sources: [{ id: 'epa', title: 'US EPA Supply Chain GHG Emission Factors v1.3.0', year: 2022 }],
  comparison: 'lower',
  suggestions: [
    { kind: 'item', title: 'A <b>similar</b> monitor', url: 'https://www.amazon.com/dp/X', kg: 4, low: 1, high: 7, share: 0.33, chosen: null },
    { kind: 'second_hand', title: null, url: 'https://www.amazon.com/s?k=monitor+renewed', kg: 8, low: 5, high: 11, share: 0.66, chosen: null },
    // A URL read from a hostile page: shown as text, never made a link.
    { kind: 'item', title: 'Hostile link', url: 'javascript:alert(1)', kg: 2, low: 1, high: 3, share: 0.16, chosen: null },
  ],
};

/** An open root (so axe can look in) with the same adopted styles as the extension's closed ones. */
function open(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  return root;
}

const ok = async () => ({ ok: true as const, id: 'x', kg: 1 });
for (const [i, detailed] of [false, true].entries()) {
  const host = document.createElement('span');
  host.id = `badge-${i}`;
  document.getElementById('tile')!.append(host);
  mountBadge(open(host), { estimate, t, locale: 'en', detailed, actions: { choose: ok, undo: async () => true, hidePage: () => undefined, openMethodology: () => undefined } });
}
const panelHost = document.createElement('span');
panelHost.id = 'panel';
document.body.append(panelHost);
mountPagePanel(open(panelHost), {
  items: [
    { title: 'Item one', url: 'https://www.amazon.com/dp/1', kg: 3, low: 1, high: 8 },
    { title: 'Item two', url: null, kg: 30, low: 10, high: 80 },
    { title: 'Item three', url: 'javascript:alert(2)', kg: 40, low: 20, high: 90 },
  ],
  unanchored: 1,
  t,
  locale: 'en',
  hidePage: () => undefined,
});
