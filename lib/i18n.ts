import { getMassUnit, type Translate } from './format';

/** Stand-ins for $1..$9 (characters no message contains), filled in after one lookup per key. */
const MARKS = Array.from({ length: 9 }, (_, i) => `\u0001${i + 1}\u0002`);

/**
 * browser.i18n with placeholders; falls back to the key so a missing string is visible, not blank.
 * Each message is looked up once with markers in place of its substitutions, then filled in
 * here: a page of 60 badges asks the browser for a handful of templates, not hundreds of strings.
 * Messages that show a mass use $9 for the unit symbol and $8 for its spoken name (the display
 * unit of lib/format), so callers pass only the numbers.
 */
export function createTranslate(getMessage: (key: string, subs?: string[]) => string, known: Readonly<Record<string, string>> = {}): Translate {
  const templates = new Map<string, string>();
  const lookup = (key: string) => {
    let template = templates.get(key);
    if (template === undefined) {
      template = (Object.hasOwn(known, key) ? known[key] : undefined) ?? (getMessage(key, MARKS) || key);
      templates.set(key, template);
    }
    return template;
  };
  return (key, ...subs) => {
    const template = lookup(key);
    if (!template.includes('\u0001')) return template;
    return template.replace(/\u0001(\d)\u0002/g, (_, n: string) => {
      const i = Number(n);
      if (subs[i - 1] !== undefined) return subs[i - 1]!;
      if (i === 9) return lookup(`unit_${getMassUnit()}`);
      if (i === 8) return lookup(`unitLong_${getMassUnit()}`);
      return '';
    });
  };
}

/**
 * What a collapsed badge and the page panel's button say. The background looks these templates
 * up and sends them with the estimates: the first browser.i18n call in a page costs the page's
 * main thread a few milliseconds (the message catalogue), which the page then never pays unless
 * the shopper opens a panel.
 */
export const BADGE_KEYS = ['badgeAccessibleName', 'badgeApprox', 'badgeRange', 'summaryButton', 'unit_kg', 'unit_lb', 'unitLong_kg', 'unitLong_lb'] as const;

/** Templates (placeholders as markers) for `createTranslate`'s `known`, looked up once. */
export function messageTemplates(getMessage: (key: string, subs?: string[]) => string, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, getMessage(k, MARKS) || k]));
}
