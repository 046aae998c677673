/**
 * The ecosystem goal and the shopper's personal share of it.
 *
 * Goal: 1.5 billion tonnes CO2e of "Scope 3+" reductions across Alibaba Group's business
 * ecosystem by 2035 (Alibaba Group, "Carbon Neutrality Action Report", December 2021).
 * Spread evenly over 2021-2035 (15 years) and over N consumers, the personal share per year is
 * 1.5e12 kg / 15 / N. Default N = 1.31 billion: the annual active consumers of the Alibaba
 * ecosystem worldwide in the twelve months to 31 March 2022 (Alibaba Group annual report FY2022).
 * N is the shopper's to change in options; the popup always shows the assumption.
 */
export const GOAL_KG = 1.5e12;
export const GOAL_FIRST_YEAR = 2021;
export const GOAL_LAST_YEAR = 2035;
export const GOAL_YEARS = GOAL_LAST_YEAR - GOAL_FIRST_YEAR + 1;
export const GOAL_SOURCE = {
  title: 'Alibaba Group, Carbon Neutrality Action Report (1.5 Gt Scope 3+ by 2035)',
  date: '2021-12-17',
};
export const CONSUMERS_SOURCE = {
  title: 'Alibaba Group, March quarter and fiscal year 2022 results: about 1.31 billion annual active consumers worldwide in the 12 months to 31 March 2022',
  date: '2022-05-26',
};

export function personalShareKgPerYear(consumers: number): number {
  if (!(consumers >= 1)) throw new RangeError('consumers must be at least 1');
  return GOAL_KG / GOAL_YEARS / consumers;
}

export interface Pace {
  /** Share of the year elapsed, 0..1. */
  yearElapsed: number;
  /** What the shopper would reach this year at the current pace, kg. */
  projectedKg: number;
  /** projected / personal share (1 = on track). */
  ratio: number;
}

export function paceThisYear(yearKg: number, consumers: number, now: number): Pace {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const end = Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  const yearElapsed = Math.min(1, Math.max(1 / 365, (now - start) / (end - start)));
  const projectedKg = yearKg / yearElapsed;
  return { yearElapsed, projectedKg, ratio: projectedKg / personalShareKgPerYear(consumers) };
}
