/**
 * Builds the estimator's compact tables (lib/carbon/data/*.json) from ../shared/data.
 * Only the figures the taxonomy uses are written, each with its source, year and unit.
 * Run: npm run data   (the generated JSON is committed; a unit test checks it is up to date)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CATEGORIES, buildTaxonomyIndex, resolveCategory } from '../lib/taxonomy/index.ts';
import { DESNZ_MATERIALS } from '../lib/taxonomy/schema.ts';
import {
  calibrationFileSchema,
  factorsFileSchema,
  sourcesFileSchema,
  type CategoryStat,
  type FactorsFile,
} from '../lib/carbon/data-schema.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SHARED = path.resolve(HERE, '../../shared/data');
export const OUT_DIR = path.resolve(HERE, '../lib/carbon/data');
const GENERATED_BY = 'scripts/build-data.ts from ../shared/data (do not edit by hand)';

/** Minimum distinct products (split groups) before a category statistic is used. */
export const MIN_GROUPS = 5;
/** Minimum groups with weights before a weight slope is fitted. */
const MIN_SLOPE_GROUPS = 10;
/** Widest p10..p90 spread (log10) for which a per-unit typical value is used (10x). */
const MAX_UNIT_SPREAD = 1.0;
/** Bulk B2B rows (per tonne) are not a typical consumer unit. */
const MAX_UNIT_WEIGHT_KG = 100;

type Row = Record<string, string>;
function csv(dir: string, file: string): Row[] {
  return parse(readFileSync(path.join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Row[];
}
const num = (s: string | undefined): number => (s === undefined || s.trim() === '' ? NaN : Number(s));
const round = (x: number, sig = 4): number => Number(x.toPrecision(sig));

const SOURCES = [
  { id: 'epa-sef-1.3.0', title: 'Supply Chain Greenhouse Gas Emission Factors for US Commodities and Industries v1.3.0 (NAICS-6, kg CO2e/2022 USD)', publisher: 'US EPA Office of Research and Development', year: 2024, licence: 'US federal government work (public domain)', url: 'https://doi.org/10.23719/1531143' },
  { id: 'desnz-2024-materials', title: 'UK Government GHG Conversion Factors for Company Reporting 2024 v1.1, Material use', publisher: 'UK Department for Energy Security and Net Zero', year: 2024, licence: 'Open Government Licence v3.0', url: 'https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024' },
  { id: 'desnz-2024-freight', title: 'UK Government GHG Conversion Factors 2024 v1.1, Freighting goods + WTT (well-to-wheel)', publisher: 'UK Department for Energy Security and Net Zero', year: 2024, licence: 'Open Government Licence v3.0', url: 'https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024' },
  { id: 'agribalyse-3.2', title: 'AGRIBALYSE 3.2, synthesis by food sub-group (median, quartiles)', publisher: 'ADEME / INRAE', year: 2025, licence: 'Licence Ouverte / Etalab Open Licence 2.0 ("ADEME – AGRIBALYSE 3.2")', url: 'https://agribalyse.ademe.fr' },
  { id: 'ecb-fx-2025-05-09', title: 'ECB euro foreign exchange reference rates, 2025-05-09, re-based to USD', publisher: 'European Central Bank', year: 2025, licence: 'ECB statistics, reuse with acknowledgement', url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/' },
  { id: 'worldbank-wdi-fx', title: 'World Development Indicators PA.NUS.FCRF, official exchange rate (LCU per USD, period average)', publisher: 'World Bank', year: 2024, licence: 'CC BY 4.0', url: 'https://data.worldbank.org/indicator/PA.NUS.FCRF' },
  { id: 'bls-cpi-u', title: 'CPI for All Urban Consumers, all items (CPIAUCSL), annual means, deflator to 2022 USD', publisher: 'US Bureau of Labor Statistics via FRED', year: 2026, licence: 'Public domain (BLS); cite FRED', url: 'https://fred.stlouisfed.org/series/CPIAUCSL' },
  { id: 'geoboundaries-centroids', title: 'Country centroids of the largest polygon, from geoBoundaries ADM0', publisher: '360info / geoBoundaries', year: 2023, licence: 'CC BY 4.0 (credit 360info and geoBoundaries)', url: 'https://github.com/360-info/country-centroids' },
  { id: 'pcf-calibration-stats', title: 'Per-category statistics (medians, log-spread, weight slope) of published product carbon footprints: Boavizta environmental-footprint-data, Carbon Catalogue (Meinrenken et al. 2022), AGRIBALYSE 3.0', publisher: 'Derived by Carbon Lens from Boavizta, Meinrenken et al., ADEME/INRAE', year: 2023, licence: 'ODbL 1.0 (derived from Boavizta data, share-alike) + CC BY 4.0 (Carbon Catalogue, cite doi:10.1038/s41597-022-01178-9) + Licence Ouverte 2.0 (AGRIBALYSE)', note: 'ODbL derived database: this table must stay under ODbL; no per-product rows are included.' },
  { id: 'ademe-refurb-2022', title: 'Assessment of the environmental impact of a set of refurbished products (smartphones: 64–87% of annual impact avoided vs new)', publisher: 'ADEME, DDemain, Hubblo, LCIE Bureau Veritas', year: 2022, licence: 'Cited figure (report © ADEME)', url: 'https://hubblo.org/en/realisations/ademe-reconditionne' },
  { id: 'page-published', title: 'Footprint published by the brand or seller on the product page (tier T1)', publisher: 'the brand or seller', year: 2026, licence: 'as published on the page' },
  { id: 'vat-standard-rates', title: 'Statutory standard VAT/GST rates by currency area (national legislation, as summarised in OECD Consumption Tax Trends 2024)', publisher: 'OECD / national tax laws', year: 2024, licence: 'Cited statutory rates', url: 'https://www.oecd.org/tax/consumption/consumption-tax-trends-19990979.htm' },
];

/** ISO3 -> ISO2 where Intl's English region name differs from the centroid file's name. */
const ISO3_ALIAS: Record<string, string> = {
  BHS: 'BS', COD: 'CD', COG: 'CG', CPV: 'CV', CIV: 'CI', CAF: 'CF', GMB: 'GM', PRK: 'KP', KOR: 'KR', MKD: 'MK',
  MHL: 'MH', FSM: 'FM', STP: 'ST', SLB: 'SB', KNA: 'KN', LCA: 'LC', VCT: 'VC', SWZ: 'SZ', TUR: 'TR', MMR: 'MM',
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
const median = (xs: number[]): number => quantile([...xs].sort((a, b) => a - b), 0.5);
const log10Quantiles = (ratios: number[]): [number, number] => {
  const l = ratios.map((r) => Math.log10(r)).sort((a, b) => a - b);
  return [round(quantile(l, 0.1), 3), round(quantile(l, 0.9), 3)];
};

function buildFactors(dir: string): FactorsFile {
  const naicsUsed = new Set(CATEGORIES.flatMap((c) => (c.naics ? [c.naics] : [])));
  const epa: FactorsFile['epa'] = {};
  for (const r of csv(dir, 'epa_sef_v1.3.0_naics2017_kgco2e_per_usd2022.csv')) {
    const code = r['2017 NAICS Code']!;
    if (!naicsUsed.has(code)) continue;
    epa[code] = {
      title: r['2017 NAICS Title']!,
      withoutMargins: num(r['Supply Chain Emission Factors without Margins']),
      withMargins: num(r['Supply Chain Emission Factors with Margins']),
    };
  }
  const missing = [...naicsUsed].filter((c) => !epa[c]);
  if (missing.length) throw new Error(`NAICS codes not in EPA v1.3.0: ${missing.join(', ')}`);

  const materialsUsed = new Set(CATEGORIES.flatMap((c) => (c.material ? [c.material] : [])));
  materialsUsed.add('desnz:board'); // packaging
  materialsUsed.add('desnz:clothing');
  const materials: FactorsFile['materials'] = {};
  const desnz = new Map(csv(dir, 'desnz_2024_material_use_kgco2e_per_tonne.csv').map((r) => [r.material!, r]));
  for (const [key, name] of Object.entries(DESNZ_MATERIALS)) {
    if (!materialsUsed.has(key)) continue;
    const r = desnz.get(name);
    const primary = num(r?.kgco2e_per_tonne_primary_material_production);
    if (!r || !(primary > 0)) throw new Error(`DESNZ material ${name} missing`);
    const reused = num(r.kgco2e_per_tonne_reused);
    materials[key] = {
      value: round(primary / 1000),
      unit: 'kg CO2e / kg (cradle to point of sale)',
      source: 'desnz-2024-materials',
      year: 2024,
      name,
      ...(reused > 0 ? { reuseRatio: round(reused / primary, 3) } : {}),
    };
  }
  for (const r of csv(dir, 'agribalyse_3.2_subgroup_summary_DERIVED.csv')) {
    const key = `agb:${r.food_subgroup_fr}`;
    if (!materialsUsed.has(key)) continue;
    materials[key] = {
      value: num(r.median_kgco2e_per_kg),
      unit: 'kg CO2e / kg of food as consumed (median of sub-group)',
      source: 'agribalyse-3.2',
      year: 2025,
      name: `${r.food_group_fr} / ${r.food_subgroup_fr}`,
      p25: num(r.p25_kgco2e_per_kg),
      p75: num(r.p75_kgco2e_per_kg),
      n: num(r.n_products),
    };
  }
  const unmatched = [...materialsUsed].filter((m) => !materials[m]);
  if (unmatched.length) throw new Error(`mass factors not found: ${unmatched.join(', ')}`);

  const fm = csv(dir, 'freight_mode_defaults_DERIVED_from_desnz2024.csv');
  const pick = (mode: string, pred: (r: Row) => boolean) => {
    const r = fm.find((x) => x.mode === mode && pred(x));
    if (!r) throw new Error(`freight ${mode} missing`);
    return { value: num(r.kgco2e_per_tonne_km_wtw_total), unit: 'kg CO2e / tonne-km (WTW)', source: 'desnz-2024-freight', year: 2024 };
  };
  const freight = {
    air: pick('air', (r) => r.desnz_type === 'International, to/from non-UK' && r.desnz_variant === 'With RF'),
    sea: pick('sea', (r) => r.desnz_type === 'Container ship' && r.desnz_size === 'Average'),
    rail: pick('rail', () => true),
    road: pick('road', (r) => r.desnz_type === 'All HGVs' && r.desnz_activity === 'HGV (all diesel)'),
    van: pick('road', (r) => r.desnz_activity === 'Vans' && r.desnz_variant === 'Diesel'),
  };

  const cpiToUsd2022: Record<string, number> = {};
  for (const r of csv(dir, 'us_cpi_u_annual_avg_and_usd2022_deflator_DERIVED.csv')) {
    cpiToUsd2022[r.year!] = num(r.multiply_usd_of_year_by_to_get_usd2022);
  }

  const fx: FactorsFile['fx'] = { USD: { perUsd: 1, asOf: '-', source: 'identity' } };
  let eurPerUsd = NaN;
  for (const r of csv(dir, 'fx_ecb_snapshot_2025-05-09_to_usd.csv')) {
    fx[r.currency!] = { perUsd: round(num(r.units_per_usd), 6), asOf: r.date!, source: 'ecb-fx-2025-05-09' };
    if (r.currency === 'USD') eurPerUsd = 1 / num(r.units_per_eur);
  }
  if (!fx.EUR) {
    const usdPerEur = num(csv(dir, 'ecb_eurofxref-hist_1999-01-04_to_2025-05-09.csv')[0]!.USD);
    eurPerUsd = 1 / usdPerEur;
    fx.EUR = { perUsd: round(eurPerUsd, 6), asOf: '2025-05-09', source: 'ecb-fx-2025-05-09' };
  }
  fx.USD = { perUsd: 1, asOf: '-', source: 'identity' };
  // Currencies the ECB does not quote: the World Bank's latest annual average.
  const wb = csv(dir, 'fx_worldbank_wdi_PA.NUS.FCRF_lcu_per_usd_2017_2023.csv');
  for (const [cur, iso3] of [['VND', 'VNM']] as const) {
    const rows = wb.filter((r) => r.iso3 === iso3).sort((a, b) => num(b.year) - num(a.year));
    const r = rows[0];
    if (r) fx[cur] = { perUsd: round(num(r.lcu_per_usd), 6), asOf: r.year!, source: 'worldbank-wdi-fx' };
  }

  const dn = new Intl.DisplayNames(['en'], { type: 'region' });
  const byName = new Map<string, string>();
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of A)
    for (const b of A) {
      const code = a + b;
      try {
        const n = dn.of(code);
        if (n && n !== code) byName.set(n.toLowerCase(), code);
      } catch {
        /* not a region */
      }
    }
  const centroids: Record<string, [number, number]> = {};
  for (const r of csv(dir, 'country_centroids-oflargestpoly_geoboundaries_360info.csv')) {
    const iso2 = ISO3_ALIAS[r.iso3!] ?? byName.get(r.name!.toLowerCase());
    if (!iso2) continue;
    centroids[iso2] = [round(num(r.lat), 5), round(num(r.lon), 5)];
  }
  return factorsFileSchema.parse({ generatedBy: GENERATED_BY, epa, materials, freight, cpiToUsd2022, fx, centroids });
}

interface Group {
  pcf: number[];
  weight: number[];
  use: number[];
}

function buildCalibration(dir: string) {
  const index = buildTaxonomyIndex();
  const byCat = new Map<string, Map<string, Group>>();
  for (const r of csv(dir, 'pcf-calibration.csv')) {
    const pcf = num(r.pcf_kg_co2e);
    if (!(pcf > 0)) continue;
    const m = resolveCategory({ title: r.product_name!, categoryPath: [r.category!, r.subcategory!] }, index);
    const cat = m.category.id;
    if (cat === 'unknown') continue;
    const groups = byCat.get(cat) ?? byCat.set(cat, new Map()).get(cat)!;
    const key = r.split_group || r.id!;
    const g = groups.get(key) ?? groups.set(key, { pcf: [], weight: [], use: [] }).get(key)!;
    g.pcf.push(pcf);
    const w = num(r.weight_kg);
    if (w > 0) g.weight.push(w);
    const u = num(r.use_phase_share);
    if (u >= 0 && u <= 1) g.use.push(u);
  }
  const food = new Set(CATEGORIES.filter((c) => c.material?.startsWith('agb:') || c.id === 'food').map((c) => c.id));
  const isFood = (id: string): boolean => {
    let c = CATEGORIES.find((x) => x.id === id);
    while (c) {
      if (food.has(c.id)) return true;
      c = CATEGORIES.find((x) => x.id === c!.parent);
    }
    return false;
  };
  const depthOf = (id: string): number => {
    let d = 0;
    let c = CATEGORIES.find((x) => x.id === id);
    while (c?.parent) {
      d++;
      c = CATEGORIES.find((x) => x.id === c!.parent);
    }
    return d;
  };
  const categories: Record<string, CategoryStat> = {};
  for (const [cat, groups] of [...byCat.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const gs = [...groups.values()].map((g) => ({
      pcf: median(g.pcf),
      weight: g.weight.length ? median(g.weight) : NaN,
      use: g.use.length ? median(g.use) : NaN,
    }));
    if (gs.length < MIN_GROUPS) continue;
    const stat: CategoryStat = { n: gs.length };
    const weighted = gs.filter((g) => g.weight > 0);
    const depth = depthOf(cat);
    const unit = median(gs.map((g) => g.pcf));
    const [p10, p90] = log10Quantiles(gs.map((g) => g.pcf / unit));
    // A per-unit typical value is only evidence for a specific, homogeneous category: not for a
    // top-level bucket ("Home") nor where published footprints span more than 10x (p10..p90).
    const wMedian = median(gs.filter((g) => g.weight > 0).map((g) => g.weight));
    const consumerSized = !(wMedian > MAX_UNIT_WEIGHT_KG);
    if (!isFood(cat) && depth >= 1 && p90 - p10 <= MAX_UNIT_SPREAD && consumerSized) {
      Object.assign(stat, { unitKg: round(unit), unitLog10P10: p10, unitLog10P90: p90 });
      const uses = gs.filter((g) => g.use >= 0).map((g) => g.use);
      if (uses.length >= MIN_GROUPS) stat.useShare = round(median(uses), 3);
    }
    if (weighted.length >= MIN_GROUPS) {
      const perKg = median(weighted.map((g) => g.pcf / g.weight));
      const [p10, p90] = log10Quantiles(weighted.map((g) => g.pcf / g.weight / perKg));
      Object.assign(stat, { perKg: round(perKg), perKgN: weighted.length, perKgLog10P10: p10, perKgLog10P90: p90 });
      stat.weightKg = round(median(weighted.map((g) => g.weight)));
      if (!isFood(cat) && weighted.length >= MIN_SLOPE_GROUPS && stat.unitKg) {
        const xs = weighted.map((g) => Math.log10(g.weight / stat.weightKg!));
        const ys = weighted.map((g) => Math.log10(g.pcf / stat.unitKg!));
        const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
        const my = ys.reduce((a, b) => a + b, 0) / ys.length;
        let sxy = 0;
        let sxx = 0;
        xs.forEach((x, i) => {
          sxy += (x - mx) * (ys[i]! - my);
          sxx += (x - mx) ** 2;
        });
        if (sxx > 0.01) {
          const slope = Math.min(1, Math.max(0, sxy / sxx));
          const res = weighted.map((g) => g.pcf / (stat.unitKg! * (g.weight / stat.weightKg!) ** slope));
          const [q10, q90] = log10Quantiles(res);
          Object.assign(stat, { weightSlope: round(slope, 3), slopeLog10P10: q10, slopeLog10P90: q90 });
        }
      }
    }
    categories[cat] = stat;
  }
  return calibrationFileSchema.parse({
    generatedBy: GENERATED_BY,
    licence: 'ODbL 1.0 (contains statistics derived from Boavizta environmental-footprint-data), CC BY 4.0 (Carbon Catalogue), Licence Ouverte 2.0 (AGRIBALYSE)',
    source: 'pcf-calibration-stats',
    minGroups: MIN_GROUPS,
    categories,
  });
}

/** Returns file name -> content, without writing (the up-to-date test compares these). */
export function buildData(dir: string = DEFAULT_SHARED): Record<string, string> {
  const out = (x: unknown): string => `${JSON.stringify(x, null, 0)}\n`;
  return {
    'sources.json': out(sourcesFileSchema.parse({ generatedBy: GENERATED_BY, sources: SOURCES })),
    'factors.json': out(buildFactors(dir)),
    'calibration.json': out(buildCalibration(dir)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_SHARED;
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, content] of Object.entries(buildData(dir))) {
    writeFileSync(path.join(OUT_DIR, name), content);
    console.log(`${name}: ${(content.length / 1024).toFixed(1)} KB`);
  }
}
