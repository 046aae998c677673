import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { extractFile } from './extract';
import { estimateItem } from '../lib/carbon/estimate';

const USAGE = 'usage: cli page PAGE.html --url URL [--home XX]';

function fit(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s.padEnd(n);
}

/** `page PAGE.html --url URL`: extracts and estimates, and prints a table. */
export function runPage(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { url: { type: 'string' }, home: { type: 'string', default: 'US' } } });
  } catch (err) {
    process.stderr.write(`page: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  const home = parsed.values.home!.toUpperCase();
  if (!file || !existsSync(file) || !parsed.values.url || !/^[A-Z]{2}$/.test(home)) {
    process.stderr.write(`page: need an existing PAGE.html, --url URL and an optional two-letter --home\n${USAGE}\n`);
    return 2;
  }
  let url: URL;
  try {
    url = new URL(parsed.values.url);
  } catch {
    process.stderr.write(`page: bad URL: ${parsed.values.url}\n${USAGE}\n`);
    return 2;
  }
  const page = extractFile(file, url);
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toPrecision(2));
  const out = [`${page.site} ${page.kind} page: ${page.items.length} item(s), shopper in ${home}`, ''];
  out.push(`${'title'.padEnd(50)}  ${'price'.padStart(14)}  ${'kg CO2e'.padStart(8)}  ${'80% range'.padStart(15)}  tier  category`);
  for (const item of page.items) {
    const e = estimateItem(item, { homeCountry: home });
    const price = item.price === null ? '?' : `${item.price} ${item.currency ?? ''}`;
    out.push(`${fit(item.title, 50)}  ${price.padStart(14)}  ${fmt(e.kg).padStart(8)}  ${`${fmt(e.low)}-${fmt(e.high)}`.padStart(15)}  ${e.tier}    ${e.categoryId}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
