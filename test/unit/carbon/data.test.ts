import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationFileSchema, factorsFileSchema, sourcesFileSchema } from '../../../lib/carbon/data-schema';
import { CALIBRATION, FACTORS, SOURCES } from '../../../lib/carbon/data';
import { buildTaxonomyIndex } from '../../../lib/taxonomy/index';
import { buildData, DEFAULT_SHARED, OUT_DIR } from '../../../scripts/build-data';

const haveShared = existsSync(path.join(DEFAULT_SHARED, 'pcf-calibration.csv'));
if (!haveShared) console.warn(`[carbon-lens] skipping data freshness test: ${DEFAULT_SHARED} not found`);

describe('generated tables', () => {
  it('parse with their zod schemas', () => {
    expect(() => factorsFileSchema.parse(FACTORS)).not.toThrow();
    expect(() => sourcesFileSchema.parse(SOURCES)).not.toThrow();
    expect(() => calibrationFileSchema.parse(CALIBRATION)).not.toThrow();
  });

  it('stay compact (< 300 KB together)', () => {
    const total = ['factors.json', 'sources.json', 'calibration.json']
      .map((f) => readFileSync(path.join(OUT_DIR, f)).length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('cite a known source for every figure, and say the ODbL-derived table is ODbL', () => {
    const ids = new Set(SOURCES.sources.map((s) => s.id));
    for (const m of Object.values(FACTORS.materials)) expect(ids.has(m.source)).toBe(true);
    for (const f of Object.values(FACTORS.freight)) expect(ids.has(f.source)).toBe(true);
    for (const fx of Object.values(FACTORS.fx)) if (fx.source !== 'identity') expect(ids.has(fx.source)).toBe(true);
    expect(ids.has(CALIBRATION.source)).toBe(true);
    expect(CALIBRATION.licence).toMatch(/ODbL/);
    expect(SOURCES.sources.find((s) => s.id === 'pcf-calibration-stats')?.licence).toMatch(/ODbL/);
  });

  it.skipIf(!haveShared)('are up to date with scripts/build-data.ts and ../shared/data', () => {
    const fresh = buildData(DEFAULT_SHARED);
    for (const [name, content] of Object.entries(fresh)) {
      expect(readFileSync(path.join(OUT_DIR, name), 'utf8'), `${name}: run npm run data`).toBe(content);
    }
  });
});

describe('unit guards', () => {
  it('freight per tonne-km: sea < rail < road < air', () => {
    const f = FACTORS.freight;
    expect(f.sea.value).toBeLessThan(f.rail.value);
    expect(f.rail.value).toBeLessThan(f.road.value);
    expect(f.road.value).toBeLessThan(f.air.value);
    expect(f.air.value).toBeGreaterThan(0.3);
    expect(f.air.value).toBeLessThan(3);
    expect(f.sea.value).toBeGreaterThan(0.001);
    expect(f.sea.value).toBeLessThan(0.1);
  });

  it('EPA factors are 0.01-10 kg CO2e per USD', () => {
    for (const [code, e] of Object.entries(FACTORS.epa)) {
      for (const v of [e.withoutMargins, e.withMargins]) {
        expect(v, code).toBeGreaterThanOrEqual(0.01);
        expect(v, code).toBeLessThanOrEqual(10);
      }
      expect(e.withoutMargins).toBeLessThanOrEqual(e.withMargins);
    }
  });

  it('food per kg is 0.1-100 kg CO2e/kg; material factors per kg, not per tonne', () => {
    const index = buildTaxonomyIndex();
    for (const [key, m] of Object.entries(FACTORS.materials)) {
      if (key.startsWith('agb:')) {
        expect(m.value, key).toBeGreaterThanOrEqual(0.1);
        expect(m.value, key).toBeLessThanOrEqual(100);
      } else {
        expect(m.value, key).toBeGreaterThan(0.1);
        expect(m.value, key).toBeLessThan(60);
      }
    }
    for (const [id, s] of Object.entries(CALIBRATION.categories)) {
      if (!index.byId.get(id)?.material.startsWith('agb:') || !s.perKg) continue;
      expect(s.perKg, id).toBeGreaterThanOrEqual(0.1);
      expect(s.perKg, id).toBeLessThanOrEqual(100);
    }
  });

  it('FX and CPI are sane', () => {
    expect(FACTORS.fx.USD?.perUsd).toBe(1);
    expect(FACTORS.fx.EUR!.perUsd).toBeGreaterThan(0.7);
    expect(FACTORS.fx.EUR!.perUsd).toBeLessThan(1.2);
    expect(FACTORS.fx.VND!.perUsd).toBeGreaterThan(15000);
    expect(FACTORS.fx.CNY!.perUsd).toBeGreaterThan(5);
    expect(FACTORS.cpiToUsd2022['2022']).toBe(1);
    expect(FACTORS.cpiToUsd2022['2024']).toBeLessThan(1);
    expect(FACTORS.centroids.VN).toBeDefined();
    expect(FACTORS.centroids.US).toBeDefined();
    expect(FACTORS.centroids.CN).toBeDefined();
  });
});
