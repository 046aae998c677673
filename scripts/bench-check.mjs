#!/usr/bin/env node
// `npm run bench:check`: fails when a budget in docs/BENCHMARKS.md is exceeded. Reads the
// "## Budgets" table that `npm run bench` writes (| budget | measured | limit | status |) and checks
// every row itself (the status column is not trusted). A row measured as `-` was not measured in
// that run (no build, no fixtures): it fails too, since a budget nobody measured is not met, unless
// `--allow-unmeasured` is given. Timing-free budgets also run in `npm test` (unit tests).
// Exit codes: 0 every budget met, 1 a budget exceeded or not measured, 2 no readable table.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const allowUnmeasured = args.includes('--allow-unmeasured');
const file = args.find((a) => !a.startsWith('--')) ?? 'docs/BENCHMARKS.md';
if (!existsSync(file)) {
  console.error(`${file} not found: run \`npm run bench\` first.`);
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n');
const start = lines.findIndex((l) => /^##\s+Budgets\s*$/.test(l));
if (start < 0) {
  console.error(`${file} has no "## Budgets" section.`);
  process.exit(2);
}
const table = [];
for (const l of lines.slice(start + 1)) {
  if (l.startsWith('## ')) break;
  if (l.trim().startsWith('|')) table.push(l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
}
const [header, , ...rows] = table;
const col = (name) => header?.findIndex((h) => h.toLowerCase() === name) ?? -1;
const [iName, iMeasured, iLimit] = [col('budget'), col('measured'), col('limit')];
if (!header || iName < 0 || iMeasured < 0 || iLimit < 0 || rows.length === 0) {
  console.error('The Budgets table needs columns budget | measured | limit and at least one row.');
  process.exit(2);
}
const num = (s) => Number(s.replace(/,/g, '').match(/-?\d+(\.\d+)?/)?.[0] ?? NaN);
let failed = 0;
let unmeasured = 0;
for (const r of rows) {
  const name = r[iName];
  const measured = r[iMeasured];
  const limitText = r[iLimit];
  const op = limitText.match(/^(<=|>=|<|>)/)?.[1];
  const limit = num(limitText);
  if (!op || Number.isNaN(limit)) {
    console.error(`✗ ${name}: unreadable limit "${limitText}"`);
    failed++;
    continue;
  }
  if (measured === '-' || measured === '') {
    console.log(`${allowUnmeasured ? '-' : '✗'} ${name}: not measured in this run`);
    unmeasured++;
    continue;
  }
  const value = num(measured);
  const ok = !Number.isNaN(value) && { '<=': value <= limit, '>=': value >= limit, '<': value < limit, '>': value > limit }[op];
  console.log(`${ok ? '✓' : '✗'} ${name}: ${measured} (limit ${limitText})`);
  if (!ok) failed++;
}
console.log(`\n${rows.length - failed - unmeasured} within budget, ${failed} exceeded, ${unmeasured} not measured`);
process.exit(failed || (unmeasured && !allowUnmeasured) ? 1 : 0);
