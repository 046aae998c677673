import type { Translate } from './format';

/** Stand-ins for $1..$9 (characters no message contains), filled in after one lookup per key. */
const MARKS = Array.from({ length: 9 }, (_, i) => `\u0001${i + 1}\u0002`);

/**
 * browser.i18n with placeholders; falls back to the key so a missing string is visible, not blank.
 * Each message is looked up once with markers in place of its substitutions, then filled in
 * here: a page of 60 badges asks the browser for a handful of templates, not hundreds of strings.
 */
export function createTranslate(getMessage: (key: string, subs?: string[]) => string): Translate {
  const templates = new Map<string, string>();
  return (key, ...subs) => {
    let template = templates.get(key);
    if (template === undefined) {
      template = getMessage(key, MARKS) || key;
      templates.set(key, template);
    }
    return template.includes('\u0001') ? template.replace(/\u0001(\d)\u0002/g, (_, n: string) => subs[Number(n) - 1] ?? '') : template;
  };
}
