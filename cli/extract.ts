import { readFileSync, existsSync, statSync } from 'node:fs';
import { parseHtml } from './dom';
import { extractPage } from '../lib/sites/index';
import type { RawItem } from '../lib/sites/types';

const USAGE = 'usage: cli extract PAGE.html --url URL';

/** The JSON an item is printed as: every field of RawItem but the DOM anchor; unknown is null. */
export function itemJson(item: RawItem): Omit<RawItem, 'anchor'> {
  return {
    title: item.title,
    price: item.price,
    priceMax: item.priceMax,
    currency: item.currency,
    categoryPath: item.categoryPath,
    shipFrom: item.shipFrom,
    weightKg: item.weightKg,
    condition: item.condition,
    url: item.url,
  };
}

export function extractFile(file: string, url: URL): { site: string; kind: string; items: Omit<RawItem, 'anchor'>[] } {
  const doc = parseHtml(readFileSync(file));
  const page = extractPage(doc, url);
  return { site: page.site, kind: page.kind, items: page.items.map(itemJson) };
}

function fail(message: string): number {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  return 2;
}

/** `extract PAGE.html --url URL`: prints the page's items as JSON. Returns the exit code. */
export function runExtract(args: string[]): number {
  let file: string | undefined;
  let rawUrl: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--url') rawUrl = args[++i];
    else if (a.startsWith('--url=')) rawUrl = a.slice(6);
    else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (!file) file = a;
    else return fail(`unexpected argument: ${a}`);
  }
  if (!file) return fail('missing PAGE.html');
  if (!existsSync(file) || !statSync(file).isFile()) return fail(`no such file: ${file}`);
  if (!rawUrl) return fail('missing --url URL (the page address decides the site and its currency)');
  let url: URL;
  try {
    url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    return fail(`bad URL: ${rawUrl}`);
  }
  const out = extractFile(file, url);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}
