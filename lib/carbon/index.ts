/** Public API of the estimation engine. */
export { estimateItem, METHOD_VERSION, DEFAULT_HALF_WIDTH } from './estimate';
export type { EstimateOptions } from './estimate';
export type { Estimate, EstimateContext, EstimateNote, ItemInput, NoteArg, Source, Stage, Tier, ShipMode } from './types';
export { toUsd2022ExTax, VAT_BY_CURRENCY } from './currency';
export { greatCircleKm, shippingKg } from './shipping';
export { FACTORS, SOURCES, CALIBRATION } from './data';
/** Benchmark hooks: the bench runner times these. */
export { buildTaxonomyIndex, resolveCategory, taxonomyIndex } from '../taxonomy/index';
