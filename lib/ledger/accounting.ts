/**
 * Scope 3+ accounting (DESIGN.md): what a choice is worth. Pure functions of estimates.
 *
 * - skip: the avoided purchase, est(A); reported apart as "avoided purchase".
 * - switch: est(A) - est(B) when positive.
 * - second_hand: est(new) - est(used) for the same item.
 * - shipping: the difference of the shipping stage only.
 * Ranges: for a difference the two estimates' errors are treated as independent, and the
 * half-widths on each side are combined in quadrature (lower bound floored at 0). Estimates of
 * similar items share method errors, so this is on the wide (honest) side.
 */
export interface Est {
  kg: number;
  low: number;
  high: number;
}

export interface Reduction {
  kg: number;
  low: number;
  high: number;
}

const ZERO: Reduction = { kg: 0, low: 0, high: 0 };

export function avoided(a: Est): Reduction {
  return sane({ kg: a.kg, low: a.low, high: a.high });
}

/** A minus B, when A is higher; no credit (zero) when B is not lower. */
export function difference(a: Est, b: Est): Reduction {
  const kg = a.kg - b.kg;
  if (!(kg > 0)) return ZERO;
  const down = Math.hypot(a.kg - a.low, b.high - b.kg);
  const up = Math.hypot(a.high - a.kg, b.kg - b.low);
  return sane({ kg, low: Math.max(0, kg - down), high: kg + up });
}

function sane(r: Reduction): Reduction {
  if (![r.kg, r.low, r.high].every(Number.isFinite) || r.kg < 0) return ZERO;
  return { kg: r.kg, low: Math.min(Math.max(0, r.low), r.kg), high: Math.max(r.high, r.kg) };
}

/**
 * Daily cap: at most DAILY_CAP_CHOICES choices and DAILY_CAP_KG kg CO2e are credited per UTC day.
 * 2,000 kg is about the cradle-to-grave footprint of a large fridge, a TV and a laptop together:
 * more than a shopper plausibly avoids in a day, so it only stops runaway totals (scripted
 * clicks, an estimate gone wrong). Choices beyond the cap are kept, with credited = 0 (or the
 * remainder), and the popup shows the credited amount.
 */
export const DAILY_CAP_KG = 2000;
export const DAILY_CAP_CHOICES = 25;

export function creditWithinCap(kg: number, day: { choices: number; kg: number }): number {
  if (day.choices >= DAILY_CAP_CHOICES) return 0;
  return Math.max(0, Math.min(kg, DAILY_CAP_KG - day.kg));
}
