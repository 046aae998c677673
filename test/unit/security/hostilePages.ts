/**
 * Hostile marketplace pages, written by the tests (nothing copied from real sites): product titles
 * carrying markup, event-handler attributes, bidi overrides and a 100,000-character string, in
 * search tiles and in JSON-LD. Used by test/unit/security (in Node) and test/e2e/hostile.spec.ts
 * (served at real marketplace URLs in Chromium).
 */

/** Sets window.__pwned (and calls alert) if ever run as code in the page. */
const PWN = 'window.__pwned=1;alert(1)';

export const HOSTILE_TITLES: readonly string[] = [
  `<img src=x onerror="${PWN}"> Solar garden lamp`,
  `<script>${PWN}</script> Organic cotton T-shirt`,
  `"><svg onload="${PWN}"></svg> Stainless steel water bottle`,
  `' onmouseover='${PWN}' data-x=' Wireless mouse`,
  `<iframe srcdoc="<script>parent.${PWN}</script>"></iframe> Laptop stand`,
  `\u202Egnp.exe\u202C Bamboo toothbrush \u2066\u2067\u2068\u2069\u200F`,
  `javascript:${PWN} Ceramic mug`,
  `{{constructor.constructor('${PWN}')()}} Desk lamp`,
  `Running shoes ${'\u202E<b onclick="x">'.repeat(50)}`,
];

/** A 100,000-character title (bidi overrides and markup repeated). */
export const LONG_TITLE = `Stainless steel kettle 1.7 L ${'\u202E<img src=x onerror=alert(1)>'.repeat(3_500)}`.slice(0, 100_000);

/** The markup titles and the 100,000-character one. */
export const ALL_HOSTILE_TITLES: readonly string[] = [...HOSTILE_TITLES, LONG_TITLE];

/** Text as it must appear in HTML source for the browser to read it back as exactly this text. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON inside <script type="application/ld+json">: no `</script>` can end it early. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

/** An Amazon search results page at https://www.amazon.com/s?k=hostile (tiles + JSON-LD). */
export const HOSTILE_SEARCH_URL = 'https://www.amazon.com/s?k=hostile';

export function hostileSearchPage(titles: readonly string[] = HOSTILE_TITLES): string {
  const tiles = titles
    .map((t, i) => {
      const asin = `B0HOSTILE${String(i).padStart(2, '0')}`;
      return `<div data-component-type="s-search-result" data-asin="${asin}" class="s-result-item">
  <img class="s-image" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="${escapeHtml(t.slice(0, 200))}">
  <h2 aria-label="${escapeHtml(t)}"><a class="a-link-normal" href="/dp/${asin}"><span>${escapeHtml(t)}</span></a></h2>
  <span class="a-price"><span class="a-offscreen">$${(19.99 + i).toFixed(2)}</span></span>
</div>`;
    })
    .join('\n');
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: titles.map((t, i) => ({ '@type': 'Product', name: t, offers: { '@type': 'Offer', price: 10 + i, priceCurrency: 'USD' } })),
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Amazon.com : hostile</title>
<script type="application/ld+json">${jsonForScript(ld)}</script>
</head><body>
<div id="search"><div class="s-main-slot s-result-list">
${tiles}
</div></div>
</body></html>`;
}

/** A product page whose only data is JSON-LD with a hostile name (read by the generic reader). */
export const HOSTILE_LD_URL = 'https://www.walmart.com/ip/hostile-product/123456789';

export function hostileJsonLdPage(name: string = HOSTILE_TITLES[0]!): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    description: HOSTILE_TITLES[1],
    brand: { '@type': 'Brand', name: HOSTILE_TITLES[2] },
    offers: { '@type': 'Offer', price: '24.99', priceCurrency: 'USD' },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<script type="application/ld+json">${jsonForScript(ld)}</script>
</head><body><main><h1>${escapeHtml(name)}</h1><p>$24.99</p></main></body></html>`;
}
