import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_CSV, readCalibrationCsv, scoreRows } from '../../../cli/calibrate';

const have = existsSync(CALIBRATION_CSV);
if (!have) console.warn(`[carbon-lens] skipping calibration thresholds: ${CALIBRATION_CSV} not found`);

describe.skipIf(!have)('calibration against published footprints (issue 4 targets)', () => {
  const scores = have ? scoreRows(readCalibrationCsv()) : [];
  const get = (g: string) => scores.find((s) => s.group === g)!;
  it('Boavizta: >= 85% within 2x', () => expect(get('Boavizta').within2x).toBeGreaterThanOrEqual(0.85));
  it('Carbon Catalogue consumer sectors: >= 50% within 2x', () =>
    expect(get('Carbon Catalogue (consumer sectors)').within2x).toBeGreaterThanOrEqual(0.5));
  it('AGRIBALYSE: >= 80% within 2x', () => expect(get('AGRIBALYSE').within2x).toBeGreaterThanOrEqual(0.8));
  it('80% interval covers 70-90% of published values', () => {
    const all = get('all').coverage80;
    expect(all).toBeGreaterThanOrEqual(0.7);
    expect(all).toBeLessThanOrEqual(0.9);
  });
});
