/**
 * Builds lib/number-formats.json: how each Chrome UI language writes numbers (decimal mark,
 * grouping separator, minimum grouping digits, Indian grouping, negative prefix), read from the
 * CLDR data in Node's ICU with Latin digits.
 *
 * Why a table: the first Intl.NumberFormat in a new renderer costs 12-37 ms of main-thread time
 * (ICU loads its locale data; measured in Chromium, docs/BENCHMARKS.md), and the content script
 * runs in a new renderer on every marketplace page. lib/format.ts formats with this table instead,
 * and test/unit/format.test.ts checks it against Intl.NumberFormat for every locale here.
 *
 * Run: npx tsx scripts/build-number-formats.ts   (the JSON is committed; the test checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The UI locales Chrome ships (chrome.i18n.getUILanguage() returns one of these). */
export const CHROME_UI_LOCALES = [
  'am', 'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'en-AU', 'en-GB', 'en-US', 'es', 'es-419', 'et', 'fa',
  'fi', 'fil', 'fr', 'gu', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'kn', 'ko', 'lt', 'lv', 'ml', 'mr', 'ms', 'nb',
  'nl', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'vi', 'zh-CN',
  'zh-TW',
];

/**
 * One string per locale (small in the content script): decimal mark, grouping separator, minimum
 * grouping digits (1 or 2), Indian grouping (1) or not (0), then the negative prefix.
 */
export type NumberStyle = string;

export function numberStyle(locale: string): NumberStyle {
  const nf = (opts: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(locale, { numberingSystem: 'latn', ...opts });
  const parts = nf({ minimumFractionDigits: 1 }).formatToParts(-12345678.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? '';
  const prefix = parts.slice(0, parts.findIndex((p) => p.type === 'integer')).map((p) => p.value).join('');
  const minGrouping = nf().format(1234).includes(group) ? 1 : 2;
  const indian = nf().format(12345678).startsWith(`1${group}23${group}`) ? 1 : 0;
  return `${decimal}${group}${minGrouping}${indian}${prefix}`;
}

/**
 * Only what the lookup of lib/format.ts (exact locale, then its language, then en) would not find
 * anyway: en-US, am or ja write numbers as en does and need no entry.
 */
export function buildNumberFormats(): Record<string, NumberStyle> {
  const all = Object.fromEntries(CHROME_UI_LOCALES.map((l) => [l, numberStyle(l)]));
  return Object.fromEntries(
    Object.entries(all).filter(([l, style]) => {
      if (l === 'en') return true;
      const language = l.split('-')[0]!;
      return style !== (language !== l && all[language] ? all[language] : all.en);
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../lib/number-formats.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(buildNumberFormats())}\n`);
  console.log(`wrote ${out}`);
}
