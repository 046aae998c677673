/**
 * The generated tables (scripts/build-data.ts), bundled as modules. They are validated by the unit
 * tests with their zod schemas; at run time they are trusted, so loading costs nothing.
 */
import factorsJson from './data/factors.json';
import sourcesJson from './data/sources.json';
import calibrationJson from './data/calibration.json';
import type { CalibrationFile, FactorsFile, SourcesFile } from './data-schema';

export const FACTORS = factorsJson as unknown as FactorsFile;
export const SOURCES = sourcesJson as unknown as SourcesFile;
export const CALIBRATION = calibrationJson as unknown as CalibrationFile;

export const SOURCE_BY_ID: ReadonlyMap<string, SourcesFile['sources'][number]> = new Map(
  SOURCES.sources.map((s) => [s.id, s]),
);
