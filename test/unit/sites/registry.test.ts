import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters, extractPage, siteMatchPatterns } from '../../../lib/sites/index';
import { haveRealFixtures, realManifest } from '../../helpers/fixtures';

const SITES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../lib/sites');

/** Chrome match pattern grammar: <scheme>://<host>/<path>, host "*" or "*.rest" or exact; no wildcard TLDs. */
function isValidMatchPattern(p: string): boolean {
  if (p === '<all_urls>') return true;
  const m = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(p);
  if (!m) return false;
  const host = m[2]!;
  if (host === '*') return true;
  const rest = host.startsWith('*.') ? host.slice(2) : host;
  return rest.length > 0 && !rest.includes('*') && /^[a-z0-9.-]+$/.test(rest) && !rest.startsWith('.') && !rest.endsWith('.');
}

describe('site registry', () => {
  it('ids are unique and equal their file names', () => {
    const ids = adapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(path.join(SITES_DIR, `${id}.ts`)), `lib/sites/${id}.ts`).toBe(true);
  });

  it.skipIf(!haveRealFixtures)('every adapter has at least one real fixture, and every fixture an adapter', () => {
    const sites = new Set(realManifest().map((p) => p.site));
    for (const a of adapters) expect(sites.has(a.id), `fixture for ${a.id}`).toBe(true);
    for (const s of sites) expect(adapters.some((a) => a.id === s), `adapter for ${s}`).toBe(true);
  });

  it.skipIf(!haveRealFixtures)('each fixture URL is handled by its own adapter', () => {
    for (const p of realManifest()) expect(adapterFor(new URL(p.url))?.id, p.file).toBe(p.site);
  });

  it('every match pattern is a valid Chrome match pattern', () => {
    const patterns = siteMatchPatterns();
    expect(patterns.length).toBeGreaterThan(20);
    for (const p of patterns) expect(isValidMatchPattern(p), p).toBe(true);
    expect(isValidMatchPattern('*://*.amazon.*/*')).toBe(false);
  });

  it('match patterns cover the country domains of issue 3', () => {
    const hosts = [
      'www.lazada.vn', 'www.lazada.com.ph', 'www.lazada.co.id', 'www.lazada.co.th', 'www.lazada.com.my', 'www.lazada.sg',
      'shopee.sg', 'shopee.vn', 'shopee.co.id', 'shopee.com.br', 'shopee.tw', 'tiki.vn',
      'he.aliexpress.com', 'www.aliexpress.com', 'aliexpress.ru', 'www.aliexpress.us', 'www.alibaba.com',
      'item.taobao.com', 's.taobao.com', 'detail.tmall.com', 'search.jd.com', 'item.jd.com',
      ...['com', 'ca', 'com.mx', 'com.br', 'co.uk', 'de', 'fr', 'it', 'es', 'nl', 'se', 'pl', 'com.tr', 'in', 'co.jp', 'sg', 'com.au', 'ae', 'sa', 'eg'].map((t) => `www.amazon.${t}`),
      'www.ebay.com', 'www.ebay.co.uk', 'www.ebay.de', 'www.ebay.com.au', 'www.walmart.com', 'www.walmart.ca', 'www.etsy.com',
    ];
    const patterns = siteMatchPatterns();
    const covered = (host: string) =>
      patterns.some((p) => {
        const h = /^[^:]+:\/\/([^/]+)\//.exec(p)![1]!;
        return h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h;
      });
    for (const h of hosts) {
      expect(covered(h), h).toBe(true);
      expect(adapterFor(new URL(`https://${h}/`)), h).not.toBeNull();
    }
    expect(adapterFor(new URL('https://amazon.evil.com/'))).toBeNull();
    expect(adapterFor(new URL('https://notshopee.sg/'))).toBeNull();
  });

  it('extractPage never throws, even when an adapter does', () => {
    const doc = { querySelector: () => { throw new Error('boom'); }, querySelectorAll: () => { throw new Error('boom'); } } as unknown as Document;
    expect(extractPage(doc, new URL('https://www.amazon.com/dp/X'))).toEqual({ site: 'amazon', kind: 'product', items: [] });
    expect(extractPage(doc, new URL('https://example.org/')).site).toBe('generic');
  });
});
