/**
 * The estimation engine (docs/METHODOLOGY.md is the method; its version is METHOD_VERSION).
 * Pure: same input, same output; no clock, no randomness, no I/O.
 */
import { resolveCategory, taxonomyIndex, type Category, type TaxonomyIndex } from '../taxonomy/index';
import { CALIBRATION, FACTORS, SOURCE_BY_ID } from './data';
import { toUsd2022ExTax } from './currency';
import { shippingKg } from './shipping';
import { parseSpec, SPEC_WEIGHT_EXPONENT } from './spec';
import type { CategoryStat } from './data-schema';
import type { Estimate, EstimateContext, EstimateNote, ItemInput, ShipMode, Source, Stage, Tier } from './types';

export const METHOD_VERSION = '1.1.0';

/**
 * Half-widths (log10) of the 80% interval where the evidence has no measured spread.
 * T3 with a DESNZ whole-item factor: x/÷ 2.5; T4 spend: x/÷ 3.5; unknown category: x/÷ 6.
 * Judgement, documented in METHODOLOGY §Interval; T2/T3 with calibration use measured spreads.
 */
export const DEFAULT_HALF_WIDTH = { T1: 0.05, T3: 0.4, T4: 0.55, unknown: 0.8 } as const;
/** Extra spread (log10, added in quadrature) when a category-typical weight stands in for the page's. */
export const TYPICAL_WEIGHT_HALF_WIDTH = 0.3;
/** Floor on any measured half-width: a handful of published values never pins an item to ±25%. */
export const MIN_HALF_WIDTH = 0.1;
/** Shipping and packaging: distance, mode and box size are uncertain (x/÷ 2). */
const LOGISTICS_HALF_WIDTH = Math.log10(2);
/** Packaging assumption: a carton of 0.05 kg plus 10% of the item's mass, at most 10 kg. */
const PACK_BASE_KG = 0.05;
const PACK_SHARE = 0.1;
const PACK_MAX_KG = 10;
/** Refurbished electronics: 13-36% of a new device's footprint remains (ADEME 2022; central 0.22). */
const REFURB = { central: 0.22, low: 0.13, high: 0.36 };
const MIN_KG = 0.001;
const MAX_KG = 1e7;

export interface EstimateOptions {
  index?: TaxonomyIndex;
}

interface Part {
  stage: Stage;
  kg: number;
  lo: number;
  hi: number;
}

const isPos = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const clampKg = (x: number): number => (Number.isFinite(x) ? Math.min(MAX_KG, Math.max(MIN_KG, x)) : MIN_KG);

/** Symmetric-ish log interval from measured quantiles, widened for small samples and floored. */
function measured(p10: number | undefined, p90: number | undefined, n: number): [number, number] {
  const widen = 1 + 1 / Math.sqrt(Math.max(1, n));
  const lo = Math.max(MIN_HALF_WIDTH, -(p10 ?? -DEFAULT_HALF_WIDTH.T3) * widen);
  const hi = Math.max(MIN_HALF_WIDTH, (p90 ?? DEFAULT_HALF_WIDTH.T3) * widen);
  return [lo, hi];
}

function isUnder(cat: Category, ...ids: string[]): boolean {
  return ids.includes(cat.id) || cat.ancestors.some((a) => ids.includes(a));
}

function source(id: string, unit?: string): Source {
  const s = SOURCE_BY_ID.get(id);
  const out: Source = { id, title: s?.title ?? id, year: s?.year ?? 0 };
  if (unit) out.unit = unit;
  if (s?.url) out.url = s.url;
  return out;
}

export function estimateItem(item: ItemInput, ctx: EstimateContext, opts: EstimateOptions = {}): Estimate {
  const input = (item ?? {}) as Partial<ItemInput>;
  const title = typeof input.title === 'string' ? input.title : '';
  const path = Array.isArray(input.categoryPath) ? input.categoryPath.filter((s) => typeof s === 'string') : null;
  const match = resolveCategory({ title, categoryPath: path }, opts.index ?? taxonomyIndex());
  const cat = match.category;
  const unknown = match.by === 'none';
  const stat = statFor(cat, opts.index ?? taxonomyIndex());
  const material = FACTORS.materials[cat.material];
  const isFood = cat.material.startsWith('agb:') || cat.id === 'food';
  const notes: EstimateNote[] = [];
  const sources = new Map<string, Source>();
  const addSource = (id: string, unit?: string) => {
    if (!sources.has(id)) sources.set(id, source(id, unit));
  };

  const pageWeight = isPos(input.weightKg) && input.weightKg < 1e5 ? input.weightKg : null;
  const specValue = parseSpec(cat.spec, title);
  const sizeRatio =
    specValue && cat.specTypical
      ? Math.min(20, Math.max(0.05, (specValue / cat.specTypical) ** SPEC_WEIGHT_EXPONENT[cat.spec!]))
      : 1;
  const typicalWeight = (stat?.weightKg && !isFood ? stat.weightKg : cat.typicalKg) * sizeRatio;
  const weight = pageWeight ?? typicalWeight;
  if (!pageWeight && sizeRatio !== 1) notes.push({ key: 'sizeFromTitle', args: [String(specValue), { key: `spec_${cat.spec}` }] });

  let tier: Tier;
  let prodKg: number;
  let lo: number;
  let hi: number;
  let useShare = 0;
  /** The evidence already covers packaging and distribution to the shop (PCF, AGRIBALYSE). */
  let coversDistribution = false;
  const price = toUsd2022ExTax(input.price, input.currency);
  if (input.price != null && !price) notes.push({ key: 'priceUnusable', args: [] });

  if (isPos(input.publishedKg) && input.publishedKg < MAX_KG) {
    tier = 'T1';
    prodKg = input.publishedKg;
    lo = hi = DEFAULT_HALF_WIDTH.T1;
    coversDistribution = true;
    notes.push({ key: 'brandPublished', args: [] });
    addSource('page-published', 'kg CO2e per item');
  } else if (!isFood && !unknown && stat?.unitKg) {
    tier = 'T2';
    const w = pageWeight ?? (sizeRatio !== 1 ? typicalWeight : null);
    if (w && stat.weightSlope != null && stat.weightKg) {
      prodKg = stat.unitKg * (w / stat.weightKg) ** stat.weightSlope;
      [lo, hi] = measured(stat.slopeLog10P10, stat.slopeLog10P90, stat.n);
    } else {
      prodKg = stat.unitKg;
      [lo, hi] = measured(stat.unitLog10P10, stat.unitLog10P90, stat.n);
    }
    useShare = stat.useShare ?? 0;
    coversDistribution = true;
    addSource('pcf-calibration-stats', 'kg CO2e per item (median of published PCFs in category)');
  } else if (pageWeight || !price || isFood) {
    tier = 'T3';
    if (stat?.perKg && stat.perKgN) {
      prodKg = stat.perKg * weight;
      [lo, hi] = measured(stat.perKgLog10P10, stat.perKgLog10P90, stat.perKgN);
      coversDistribution = true;
      addSource('pcf-calibration-stats', 'kg CO2e per kg (median of published PCFs in category)');
    } else if (material) {
      prodKg = material.value * weight;
      if (material.p25 && material.p75) {
        // AGRIBALYSE quartiles -> 80% under a log-normal: IQR half-width x 1.2816/0.6745.
        const h = (Math.log10(material.p75 / material.p25) / 2) * (1.2816 / 0.6745);
        lo = hi = Math.max(MIN_HALF_WIDTH, h);
        coversDistribution = true;
      } else {
        lo = hi = DEFAULT_HALF_WIDTH.T3;
      }
      addSource(material.source, material.unit);
    } else {
      prodKg = typicalWeight;
      lo = hi = DEFAULT_HALF_WIDTH.unknown;
    }
    if (!pageWeight) {
      const widen = (h: number) => Math.sqrt(h * h + TYPICAL_WEIGHT_HALF_WIDTH ** 2);
      lo = widen(lo);
      hi = widen(hi);
      notes.push({ key: 'typicalWeight', args: [{ kg: weight }] });
    }
  } else {
    tier = 'T4';
    const epa = FACTORS.epa[cat.naics];
    const perUsd = epa?.withoutMargins ?? 0.1;
    prodKg = price.usd2022 * perUsd;
    lo = hi = DEFAULT_HALF_WIDTH.T4;
    addSource('epa-sef-1.3.0', `kg CO2e / 2022 USD, NAICS ${cat.naics}, without margins`);
    addSource(price.fxSource === 'identity' ? 'bls-cpi-u' : price.fxSource);
    addSource('bls-cpi-u');
    if (price.vat > 0) addSource('vat-standard-rates');
  }
  if (unknown && tier !== 'T1') {
    lo = Math.max(lo, DEFAULT_HALF_WIDTH.unknown);
    hi = Math.max(hi, DEFAULT_HALF_WIDTH.unknown);
    notes.push({ key: 'categoryUnknown', args: [] });
  }

  // Condition: only the production share is scaled; the use phase happens all the same.
  let condFactor = 1;
  let condLo = 1;
  let condHi = 1;
  if (tier !== 'T1' && (input.condition === 'used' || input.condition === 'refurbished')) {
    const reuse = material?.reuseRatio;
    if (input.condition === 'used' && reuse) {
      condFactor = condLo = condHi = reuse;
      addSource('desnz-2024-materials', 'reused / primary production ratio');
      notes.push({ key: 'secondHand', args: [Math.round(reuse * 100)] });
    } else {
      condFactor = REFURB.central;
      condLo = REFURB.low;
      condHi = REFURB.high;
      addSource('ademe-refurb-2022');
      notes.push({ key: 'conditionAdeme', args: [{ key: `cond_${input.condition}` }, Math.round(REFURB.central * 100)] });
    }
  }

  const parts: Part[] = [];
  const total = prodKg;
  const prodOnly = total * (1 - useShare);
  parts.push({
    stage: 'production',
    kg: prodOnly * condFactor,
    lo: prodOnly * condLo * 10 ** -lo,
    hi: prodOnly * condHi * 10 ** hi,
  });
  if (useShare > 0) {
    const u = total * useShare;
    parts.push({ stage: 'use', kg: u, lo: u * 10 ** -lo, hi: u * 10 ** hi });
  }
  if (tier !== 'T1') {
    const ship = shippingKg(weight, input.shipFrom, ctx?.homeCountry, shipMode(input.shipMode), !coversDistribution);
    if (ship.kg > 0) {
      const k = 10 ** LOGISTICS_HALF_WIDTH;
      parts.push({ stage: 'shipping', kg: ship.kg, lo: ship.kg / k, hi: ship.kg * k });
      addSource('desnz-2024-freight', 'kg CO2e / tonne-km');
      if (ship.crossBorderKm > 0) {
        addSource('geoboundaries-centroids');
        notes.push({ key: 'crossBorder', args: [Math.round(ship.crossBorderKm), { key: `mode_${ship.mode}` }, String(input.shipFrom).toUpperCase()] });
      }
    }
    if (ship.note) notes.push(ship.note);
    if (!coversDistribution) {
      const board = FACTORS.materials['desnz:board'];
      const packKg = Math.min(PACK_MAX_KG, PACK_BASE_KG + PACK_SHARE * weight) * (board?.value ?? 1.2);
      const k = 10 ** LOGISTICS_HALF_WIDTH;
      parts.push({ stage: 'packaging', kg: packKg, lo: packKg / k, hi: packKg * k });
      addSource('desnz-2024-materials', 'kg CO2e / kg board');
    }
  }

  let kg = 0;
  let low = 0;
  let high = 0;
  for (const p of parts) {
    kg += p.kg;
    low += p.lo;
    high += p.hi;
  }
  kg = clampKg(kg);
  low = Math.min(kg, clampKg(low));
  high = Math.max(kg, clampKg(high));
  const breakdown = parts.map((p) => ({ stage: p.stage, kg: Number.isFinite(p.kg) && p.kg > 0 ? p.kg : 0 }));

  return {
    kg,
    low,
    high,
    tier,
    categoryId: cat.id,
    breakdown,
    sources: [...sources.values()],
    methodVersion: METHOD_VERSION,
    categoryName: cat.names.en,
    categoryMatch: { by: match.by, keyword: match.keyword },
    notes,
  };
}

/**
 * The category's own statistics; a food refinement without enough rows of its own (e.g. "raw
 * lamb offal") borrows its sub-group's per-kg figure rather than dropping to a generic factor.
 */
function statFor(cat: Category, index: TaxonomyIndex): CategoryStat | undefined {
  const own = CALIBRATION.categories[cat.id];
  if (own?.perKg || !cat.material.startsWith('agb:')) return own;
  for (let i = cat.ancestors.length - 1; i >= 1; i--) {
    const up = CALIBRATION.categories[cat.ancestors[i]!];
    if (up?.perKg && index.byId.get(cat.ancestors[i]!)?.material.startsWith('agb:')) return up;
  }
  return own;
}

function shipMode(m: unknown): ShipMode | null {
  return m === 'air' || m === 'sea' || m === 'rail' || m === 'road' ? m : null;
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}
