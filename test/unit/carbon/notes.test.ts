/**
 * Estimate notes are message keys with values, shown in the UI's language: every note the
 * estimator can write has its message in every locale, and renders with its values filled in.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateItem } from '../../../lib/carbon/estimate';
import { NOTE_KEYS, type EstimateNote } from '../../../lib/carbon/types';
import { SPECS } from '../../../lib/taxonomy/schema';
import { createTranslate } from '../../../lib/i18n';
import { setMassUnit } from '../../../lib/format';
import { noteText } from '../../../components/Badge';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = ['en', 'vi', 'zh_CN'] as const;
const load = (loc: string) => JSON.parse(readFileSync(`public/_locales/${loc}/messages.json`, 'utf8')) as Messages;
/** chrome.i18n.getMessage over a shipped locale, behind the extension's own translator. */
const translator = (loc: string) => {
  const messages = load(loc);
  return createTranslate((key, subs = []) => {
    const m = messages[key];
    if (!m) return '';
    return m.message.replace(/\$(\w+)\$/g, (_, name: string) => subs[Number(m.placeholders?.[name]?.content.slice(1)) - 1] ?? '');
  });
};

/** Items that make the estimator write each kind of note. */
const ITEMS = [
  { title: 'Samsung 55 inch 4K Smart TV', price: 499, currency: 'USD', shipFrom: 'CN' }, // size from title, cross-border
  { title: 'Widget', price: 12, currency: 'XXX' }, // price unusable, category unknown
  { title: 'Anything', publishedKg: 12.5 }, // published by the brand
  { title: 'Ceramic dinner plates set', price: 40, currency: 'USD', condition: 'used' as const }, // typical weight, second-hand
  { title: 'Apple iPhone 11 128GB', price: 300, currency: 'USD', condition: 'refurbished' as const },
  { title: 'Cotton T-shirt', price: 10, currency: 'USD', shipFrom: 'ZZ' }, // no location for ZZ
];

afterEach(() => setMassUnit('kg'));

describe('estimate notes', () => {
  it('every note key and every translated value has a message in every locale', () => {
    const keys = [...NOTE_KEYS.map((k) => `note_${k}`), ...['air', 'sea', 'rail', 'road'].map((m) => `mode_${m}`), 'cond_used', 'cond_refurbished', ...SPECS.map((s) => `spec_${s}`)];
    for (const loc of LOCALES) {
      const m = load(loc);
      for (const k of keys) expect(m[k]?.message, `${loc}: ${k}`).toBeTruthy();
    }
  });

  it('the estimator writes notes as keys with values, and each renders fully in en, vi and zh_CN', () => {
    const notes: EstimateNote[] = ITEMS.flatMap((item) => estimateItem(item, { homeCountry: 'VN' }).notes ?? []);
    const written = new Set(notes.map((n) => n.key));
    // The fixtures above reach every note but the scaled-size one when the page gives a weight.
    for (const k of ['sizeFromTitle', 'priceUnusable', 'brandPublished', 'typicalWeight', 'categoryUnknown', 'crossBorder', 'noCentroid'] as const) {
      expect(written.has(k), k).toBe(true);
    }
    expect(written.has('secondHand') || written.has('conditionAdeme')).toBe(true);
    for (const n of notes) {
      const texts = LOCALES.map((loc) => noteText(n, translator(loc), loc.replace('_', '-')));
      for (const text of texts) {
        expect(text, n.key).not.toMatch(/\$|\u0001|note_|mode_|cond_|spec_/); // nothing left unfilled or untranslated
        expect(text.length, n.key).toBeGreaterThan(5);
      }
      expect(texts[1], `${n.key} in vi`).not.toBe(texts[0]);
      expect(texts[2], `${n.key} in zh_CN`).not.toBe(texts[0]);
    }
  });

  it('values are formatted for the locale, and masses shown in the display unit', () => {
    const t = translator('en');
    expect(noteText({ key: 'crossBorder', args: [12345, { key: 'mode_sea' }, 'CN'] }, t, 'en')).toBe('12,345 km by sea from CN.');
    expect(noteText({ key: 'crossBorder', args: [12345, { key: 'mode_sea' }, 'CN'] }, translator('vi'), 'vi')).toBe('12.345 km bằng đường biển từ CN.');
    const note: EstimateNote = { key: 'typicalWeight', args: [{ kg: 2 }] };
    expect(noteText(note, t, 'en')).toContain('2 kg');
    setMassUnit('lb');
    expect(noteText(note, t, 'en')).toContain('4.4 lb');
  });
});
