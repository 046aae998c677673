import { describe, expect, it } from 'vitest';
import { GOAL_KG, GOAL_YEARS, paceThisYear, personalShareKgPerYear } from '@/lib/goal';
import { countryFromLocale, DEFAULT_SETTINGS, effectiveHomeCountry, parseSettings } from '@/lib/settings';

describe('goal arithmetic', () => {
  it('spreads 1.5 Gt over 2021-2035 and the consumers', () => {
    expect(GOAL_KG).toBe(1.5e12);
    expect(GOAL_YEARS).toBe(15);
    // 1.5e12 kg / 15 years / 1.31e9 consumers = 76.3 kg per consumer-year.
    expect(personalShareKgPerYear(1.31e9)).toBeCloseTo(76.34, 2);
    expect(personalShareKgPerYear(1e9)).toBeCloseTo(100, 6);
    expect(() => personalShareKgPerYear(0)).toThrow(RangeError);
  });
  it('projects the pace over the year', () => {
    const midYear = Date.UTC(2026, 6, 2, 12); // ~50% of 2026
    const p = paceThisYear(50, 1e9, midYear);
    expect(p.yearElapsed).toBeCloseTo(0.5, 2);
    expect(p.projectedKg).toBeCloseTo(100, 0);
    expect(p.ratio).toBeCloseTo(1, 1);
    // 1 January does not divide by zero.
    expect(Number.isFinite(paceThisYear(1, 1e9, Date.UTC(2026, 0, 1)).ratio)).toBe(true);
  });
});

describe('settings', () => {
  it('defaults and recovers from garbage field by field', () => {
    expect(DEFAULT_SETTINGS.badgeMode).toBe('compact');
    const s = parseSettings({ homeCountry: 'vn', badgeMode: 'detailed', goalConsumers: 'lots', sites: { amazon: false } });
    expect(s.homeCountry).toBeNull(); // lower case is not ISO alpha-2
    expect(s.badgeMode).toBe('detailed');
    expect(s.goalConsumers).toBe(DEFAULT_SETTINGS.goalConsumers);
    expect(s.sites).toEqual({ amazon: false });
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('takes the home country from the locale unless set', () => {
    expect(countryFromLocale('vi-VN')).toBe('VN');
    expect(countryFromLocale('zh_CN')).toBe('CN');
    expect(countryFromLocale('en')).toBeNull();
    expect(effectiveHomeCountry(DEFAULT_SETTINGS, 'en')).toBe('US');
    expect(effectiveHomeCountry({ ...DEFAULT_SETTINGS, homeCountry: 'PH' }, 'vi-VN')).toBe('PH');
  });
});
