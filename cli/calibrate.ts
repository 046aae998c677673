/**
 * `npm run calibrate`: runs the estimator over ../shared/data/pcf-calibration.csv (title =
 * product_name, categoryPath = [category, subcategory], weight when known, no price) and prints,
 * per source, n, share within 2x, median |log10 error| and 80%-interval coverage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { estimateItem } from '../lib/carbon/estimate';

export const CALIBRATION_CSV = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/pcf-calibration.csv');

/** Carbon Catalogue sectors a marketplace shopper buys from (issue 4). */
export const CONSUMER_SECTORS = [
  'Computer, IT & telecom',
  'Food & Beverage',
  'Home durables, textiles, & equipment',
  'Packaging for consumer goods',
];

export interface CalibrationRow {
  source: string;
  product_name: string;
  category: string;
  subcategory: string;
  weight_kg: string;
  pcf_kg_co2e: string;
}

export interface SourceScore {
  group: string;
  n: number;
  within2x: number;
  medianAbsLog10: number;
  coverage80: number;
}

export function scoreRows(rows: CalibrationRow[], home = 'US'): SourceScore[] {
  const acc = new Map<string, { n: number; w2: number; cov: number; errs: number[] }>();
  const add = (group: string, within: boolean, covered: boolean, err: number) => {
    const a = acc.get(group) ?? acc.set(group, { n: 0, w2: 0, cov: 0, errs: [] }).get(group)!;
    a.n++;
    if (within) a.w2++;
    if (covered) a.cov++;
    a.errs.push(err);
  };
  for (const r of rows) {
    const truth = Number(r.pcf_kg_co2e);
    if (!(truth > 0)) continue;
    const w = Number(r.weight_kg);
    const est = estimateItem(
      { title: r.product_name, categoryPath: [r.category, r.subcategory], weightKg: w > 0 ? w : null },
      { homeCountry: home },
    );
    const err = Math.abs(Math.log10(est.kg / truth));
    const within = err <= Math.log10(2) + 1e-9;
    const covered = est.low <= truth && truth <= est.high;
    const source = shortSource(r.source);
    add(source, within, covered, err);
    if (source === 'Carbon Catalogue' && CONSUMER_SECTORS.includes(r.category)) add('Carbon Catalogue (consumer sectors)', within, covered, err);
    add('all', within, covered, err);
  }
  return [...acc.entries()].map(([group, a]) => {
    const e = [...a.errs].sort((x, y) => x - y);
    const mid = e.length % 2 ? e[(e.length - 1) / 2]! : (e[e.length / 2 - 1]! + e[e.length / 2]!) / 2;
    return { group, n: a.n, within2x: a.w2 / a.n, medianAbsLog10: mid, coverage80: a.cov / a.n };
  });
}

function shortSource(s: string): string {
  if (s.startsWith('Boavizta')) return 'Boavizta';
  if (s.startsWith('Carbon Catalogue')) return 'Carbon Catalogue';
  if (s.startsWith('AGRIBALYSE')) return 'AGRIBALYSE';
  return s;
}

export function readCalibrationCsv(file = CALIBRATION_CSV): CalibrationRow[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CalibrationRow[];
}

export function formatTable(scores: SourceScore[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '| source | n | within 2x | median abs log10 error | 80% interval coverage |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...scores.map((s) => `| ${s.group} | ${s.n} | ${pct(s.within2x)} | ${s.medianAbsLog10.toFixed(3)} | ${pct(s.coverage80)} |`),
  ];
  return lines.join('\n');
}

export async function runCalibrate(args: string[]): Promise<number> {
  const file = args[0] ? path.resolve(args[0]) : CALIBRATION_CSV;
  if (!existsSync(file)) {
    process.stderr.write(`calibration file not found: ${file}\n`);
    return 2;
  }
  const scores = scoreRows(readCalibrationCsv(file));
  process.stdout.write(`${formatTable(scores)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCalibrate(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}
