import type { Translate } from './format';

/** browser.i18n with placeholders; falls back to the key so a missing string is visible, not blank. */
export function createTranslate(getMessage: (key: string, subs?: string[]) => string): Translate {
  return (key, ...subs) => getMessage(key, subs) || key;
}
