/**
 * `npm run bench`: Node micro-benchmarks (tinybench) and a Chromium timing of badge mounting
 * with the built extension; writes docs/BENCHMARKS.md. Figures are machine-dependent: compare
 * ratios and budgets, not absolute numbers across machines.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import { extractPage } from '../lib/sites';
import { estimateItem } from '../lib/carbon/estimate';
import type { ItemInput } from '../lib/carbon/types';
import { parseHtml } from '../cli/dom';
import { REAL_FIXTURES, realManifest, realFixturePath } from '../test/helpers/fixtures';
import { measureBadges } from './browser';

const lines: string[] = [];
const md = (s = '') => lines.push(s);
const fmt = (n: number, d = 2) => n.toFixed(d);

async function nodeExtract() {
  const manifest = realManifest();
  md('## Page reading in Node (linkedom), per real fixture page');
  md();
  if (manifest.length === 0) {
    md(`Skipped: ${REAL_FIXTURES} not found.`);
    return;
  }
  md('| page | items | parse (ms) | extract median (ms) |');
  md('| --- | ---: | ---: | ---: |');
  for (const entry of manifest) {
    const bytes = readFileSync(realFixturePath(entry.file));
    const t0 = performance.now();
    const doc = parseHtml(bytes);
    const parseMs = performance.now() - t0;
    const url = new URL(entry.url);
    const samples: number[] = [];
    let items = 0;
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      items = extractPage(doc, url).items.length;
      samples.push(performance.now() - s);
    }
    samples.sort((a, b) => a - b);
    md(`| ${entry.file} | ${items} | ${fmt(parseMs, 1)} | ${fmt(samples[7]!)} |`);
  }
  md();
}

async function estimator() {
  const items: ItemInput[] = [
    { title: 'ViewSonic 32 Inch 4K Monitor', categoryPath: ['Electronics', 'Computers & Accessories', 'Monitors'], price: 259.99, currency: 'USD' },
    { title: 'charmast 20000mAh Portable Charger', price: 35.99, currency: 'USD' },
    { title: 'Nhà Giả Kim (Tái Bản 2017) - Paulo Coelho', price: 58000, currency: 'VND', categoryPath: ['Media, Music & Books', 'Books'] },
    { title: 'Women Long Sleeve Maxi Dress', price: 19.99, currency: 'USD', shipFrom: 'CN' },
    { title: 'WATSONS Baby Diaper Dry Pants XL 40s', price: 305, currency: 'PHP' },
    { title: 'Apple iPhone 11 4G', price: 5499, currency: 'CNY', shipFrom: 'CN' },
    { title: 'Outdoor Wicker Patio Sofa', price: 349.99, currency: 'USD', shipFrom: 'US', weightKg: 30 },
    { title: 'unknown thing', price: null },
  ];
  const bench = new Bench({ time: 1000 });
  let i = 0;
  bench.add('estimateItem', () => {
    estimateItem(items[i++ % items.length]!, { homeCountry: 'US' });
  });
  await bench.run();
  const task = bench.tasks[0]!;
  const hz = task.result && 'throughput' in task.result ? (task.result as { throughput: { mean: number } }).throughput.mean : 0;
  md('## Estimator in Node');
  md();
  md('| benchmark | items/s | budget |');
  md('| --- | ---: | ---: |');
  md(`| estimateItem (8 mixed items, round robin) | ${Math.round(hz).toLocaleString('en-US')} | >= 100,000 |`);
  md();
  return hz;
}

async function main() {
  md('# Benchmarks');
  md();
  md(`Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`);
  md('Absolute times depend on the machine and swing by ±15% between runs on 2 cores; read budgets and ratios.');
  md();
  await nodeExtract();
  await estimator();
  if (existsSync('.output/chrome-mv3/manifest.json')) {
    md(...[]);
    lines.push(...(await measureBadges()));
  } else {
    md('## In Chromium');
    md();
    md('Skipped: build the extension first (`npm run build`).');
  }
  writeFileSync('docs/BENCHMARKS.md', lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}

await main();
