import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGE_KEYS, createTranslate, messageTemplates } from '@/lib/i18n';
import { formatKg, setMassUnit } from '@/lib/format';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** chrome.i18n.getMessage semantics: $name$ placeholders whose content is $1..$9. */
function getMessage(key: string, subs: string[] = []) {
  const m = en[key];
  if (!m) return '';
  return m.message.replace(/\$(\w+)\$/g, (_, name: string) => subs[Number(m.placeholders?.[name]?.content.slice(1)) - 1] ?? '');
}

describe('translate', () => {
  it('fills substitutions, caches one template per key, and shows the key when a message is missing', () => {
    let calls = 0;
    const t = createTranslate((k, s) => (calls++, getMessage(k, s)));
    expect(t('badgeAccessibleName', '12', '6', '25')).toBe('Estimated footprint 12 kilograms CO2e, range 6 to 25');
    expect(t('badgeAccessibleName', '1.5', '1', '2')).toBe('Estimated footprint 1.5 kilograms CO2e, range 1 to 2');
    expect(t('altSaving', '5', '40', '1', '9')).toBe('Saves about 5 kg CO₂e (40%), range 1–9 kg');
    expect(t('close')).toBe('Close');
    expect(t('noSuchKey')).toBe('noSuchKey');
    expect(calls).toBe(6); // four messages and the two unit labels, each once
  });
  it('templates sent with the estimates make the badge strings without any browser.i18n call', () => {
    const known = messageTemplates(getMessage, BADGE_KEYS);
    const plain = createTranslate(getMessage);
    let calls = 0;
    const t = createTranslate((k, s) => (calls++, getMessage(k, s)), known);
    for (const [key, subs] of [['badgeAccessibleName', ['12', '6', '25']], ['badgeApprox', ['12']], ['badgeRange', ['6', '25']], ['summaryButton', ['3', '1', '9']]] as const) {
      expect(t(key, ...subs)).toBe(plain(key, ...subs));
    }
    expect(t('badgeApprox', '12')).toBe('≈ 12 kg CO₂e');
    expect(calls).toBe(0);
    expect(t('close')).toBe('Close'); // a key not sent: looked up when needed
    expect(calls).toBe(1);
  });
  it('keeps page text as given, even with $ signs and markup', () => {
    const t = createTranslate(getMessage);
    expect(t('undoLabel', '<img src=x onerror=alert(1)> $1 $$')).toBe('Undo: <img src=x onerror=alert(1)> $1 $$');
  });
});

describe('display unit', () => {
  it('shows pounds when the shopper chose them, and kilograms otherwise', () => {
    const t = createTranslate(getMessage);
    try {
      setMassUnit('lb');
      expect(formatKg(10, 'en')).toBe('22');
      expect(t('badgeApprox', formatKg(10, 'en'))).toBe('≈ 22 lb CO₂e');
      expect(t('badgeAccessibleName', '22', '11', '44')).toBe('Estimated footprint 22 pounds CO2e, range 11 to 44');
    } finally {
      setMassUnit('kg');
    }
    expect(t('badgeApprox', formatKg(10, 'en'))).toBe('≈ 10 kg CO₂e');
  });
});

describe('formatKg', () => {
  it('two significant digits below 100, whole numbers above, in the locale', () => {
    expect(formatKg(12.345, 'en')).toBe('12');
    expect(formatKg(0.01234, 'en')).toBe('0.012');
    expect(formatKg(1234.5, 'en')).toBe('1,235');
    expect(formatKg(1.25, 'vi')).toBe('1,3');
    expect(formatKg(1234.5, 'de')).toBe('1.235');
  });
});
