import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = 'public/_locales';
const load = (loc: string) => JSON.parse(readFileSync(`${dir}/${loc}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;

describe('_locales', () => {
  const locales = readdirSync(dir).sort();
  it('ships en, vi and zh_CN', () => {
    expect(locales).toEqual(['en', 'vi', 'zh_CN']);
  });
  it('every locale has the same keys and the same placeholders, none empty', () => {
    const en = load('en');
    for (const loc of locales) {
      const m = load(loc);
      expect(Object.keys(m).sort(), loc).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(m)) {
        expect(value.message.trim(), `${loc}.${key}`).not.toBe('');
        expect(Object.keys(value.placeholders ?? {}).sort(), `${loc}.${key}`).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
      }
    }
  });
  it('the manifest name and description come from _locales', () => {
    const en = load('en');
    expect(en.extName?.message).toBe('Carbon Lens');
    expect(en.extDescription?.message.length).toBeGreaterThan(20);
  });
});
