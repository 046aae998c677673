/** Shipping: weight x great-circle distance x routing uplift x mode factor, plus a last-mile leg. */
import { FACTORS } from './data';
import type { EstimateNote, ShipMode } from './types';

/** Routing uplift on great-circle distances (DESIGN.md; DESNZ air factors already add 8%). */
export const ROUTING_UPLIFT = 1.1;
/** Assumed domestic trunk haul by HGV when the item ships within the country or origin is unknown. */
export const DOMESTIC_KM = 500;
/** Assumed last-mile van distance attributed per parcel, mass-allocated (van tonne-km factor). */
export const LAST_MILE_KM = 50;
const EARTH_KM = 6371.0088;

export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ShippingResult {
  kg: number;
  crossBorderKm: number;
  mode: ShipMode | null;
  note: EstimateNote | null;
}

const iso2 = (s: unknown): string | null =>
  typeof s === 'string' && /^[A-Za-z]{2}$/.test(s.trim()) ? s.trim().toUpperCase() : null;

/**
 * @param massKg item mass (page or category-typical)
 * @param includeDomestic add the domestic haul and last mile (false when the footprint evidence
 *   already covers distribution, e.g. a cradle-to-grave PCF or AGRIBALYSE's farm-to-plate figure)
 */
export function shippingKg(
  massKg: number,
  shipFrom: unknown,
  home: unknown,
  mode: ShipMode | null | undefined,
  includeDomestic: boolean,
): ShippingResult {
  const f = FACTORS.freight;
  const t = massKg / 1000;
  const from = iso2(shipFrom);
  const to = iso2(home) ?? 'US';
  let kg = 0;
  let crossBorderKm = 0;
  let usedMode: ShipMode | null = null;
  let note: EstimateNote | null = null;
  if (from && from !== to) {
    const a = FACTORS.centroids[from];
    const b = FACTORS.centroids[to];
    if (a && b) {
      crossBorderKm = greatCircleKm(a, b) * ROUTING_UPLIFT;
      usedMode = mode ?? 'air';
      kg += t * crossBorderKm * f[usedMode].value;
    } else {
      note = { key: 'noCentroid', args: [String(from), String(to)] };
    }
  }
  if (includeDomestic) {
    kg += t * DOMESTIC_KM * f.road.value;
    kg += t * LAST_MILE_KM * f.van.value;
  }
  return { kg, crossBorderKm, mode: usedMode, note };
}
