/** Weight, ship-from country and condition, read from the words pages use for them. */
import type { Condition } from './types';
import { safeQueryAll, table, text } from './dom';
import { hostCurrency } from './price';

/** Weight units by factor to kg; each alternative is one capture group of WEIGHT_RE, longest spelling first. */
const UNITS: readonly [number, string][] = [
  [1, 'kilograms?|kilogramm|kilogramos|kilogrammes?|kilos?|kgs?|公斤|千克'],
  [0.000001, 'milligrams?|mg'],
  [0.001, 'grams?|gramm|gramos|grammes?|grs?|g|克'],
  [0.45359237, 'pounds?|lbs?'],
  [0.028349523125, 'ounces?|oz'],
  [0.5, '斤'],
];

const WEIGHT_RE = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*((${UNITS.map(([, u]) => u).join(')|(')}))(?![a-z])`, 'gi');

/** "15 pounds" -> 6.80, "332 Grams" -> 0.332, "12 ounces" -> 0.34, "1,2 kg" -> 1.2. Null when unstated. */
export function parseWeightKg(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  for (const m of text.slice(0, 300).matchAll(WEIGHT_RE)) {
    // A bare capital "G" is a generation or gigabyte ("4G LTE", "16G"), not grams.
    if (m[2] === 'G') continue;
    const kg = Number(m[1]!.replace(',', '.')) * UNITS[m.slice(3).findIndex(Boolean)]![0];
    // Nothing sold online weighs more than a few tonnes; bigger numbers are misreads.
    return kg > 0 && kg < 50_000 ? Math.round(kg * 1e6) / 1e6 : null;
  }
  return null;
}

/** Labels of spec-table rows that state a weight (shipping weight is still a weight). */
export const WEIGHT_LABEL = /(item|product|package|shipping|net|unit)?\s*(weight|poids|gewicht|peso|peso del producto|trọng lượng|khối lượng|重量|毛重|净重)/i;

// Names (English, local and Vietnamese/Chinese where cheap) -> ISO 3166-1 alpha-2, as "ISO:name,name|...".
const COUNTRIES =
  "US:united states,united states of america,usa,u.s.a.,us,america,hoa kỳ,mỹ,美国|" +
  "CN:china,china mainland,mainland china,people's republic of china,trung quốc,中国,中国大陆|" +
  "HK:hong kong,hong kong sar,香港|TW:taiwan,台湾,đài loan|MO:macau|JP:japan,nhật bản,日本|" +
  "KR:korea,south korea,hàn quốc,韩国|VN:vietnam,viet nam,việt nam,越南|PH:philippines|ID:indonesia|" +
  "TH:thailand,thái lan|MY:malaysia|SG:singapore|KH:cambodia|LA:laos|MM:myanmar|IN:india,印度|" +
  "BD:bangladesh|PK:pakistan|LK:sri lanka|GB:united kingdom,uk,great britain,england,scotland,wales,英国|" +
  "DE:germany,deutschland,đức,德国|FR:france,pháp,法国|IT:italy,italia|ES:spain,españa|PT:portugal|" +
  "NL:netherlands,the netherlands|BE:belgium|AT:austria|CH:switzerland|IE:ireland|SE:sweden|NO:norway|" +
  "DK:denmark|FI:finland|PL:poland,polska|CZ:czech republic,czechia|HU:hungary|RO:romania|GR:greece|" +
  "UA:ukraine|RU:russia,russian federation|TR:turkey,türkiye,turkiye,thổ nhĩ kỳ|IL:israel|" +
  "AE:united arab emirates,uae|SA:saudi arabia|EG:egypt|ZA:south africa|NG:nigeria|KE:kenya|GH:ghana|" +
  "MA:morocco|CA:canada|MX:mexico,méxico|BR:brazil,brasil|AR:argentina|CL:chile|CO:colombia|PE:peru|" +
  "AU:australia,úc,澳大利亚|NZ:new zealand";
const COUNTRY_NAMES = new Map(table(COUNTRIES));

const PREFIX = /^(location-|located in|ships from|ship from|shipped from|from|item location|location|xuất xứ|gửi từ|giao từ|发货地|产地)\s*:?\s*/i;

/**
 * "Rancho Cucamonga, California, United States" -> "US"; "Located in China" -> "CN";
 * "Türkiye" -> "TR"; "CN" -> "CN". Null when the text names no country we know.
 */
export function countryToIso2(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const t = text.replace(/\s+/g, ' ').trim().replace(PREFIX, '').replace(/[.。]$/, '');
  if (/^[A-Z]{2}$/.test(t)) return [...COUNTRY_NAMES.values()].includes(t) ? t : null;
  const lower = t.toLowerCase();
  const direct = COUNTRY_NAMES.get(lower);
  if (direct) return direct;
  // The country is usually the last part of an address.
  const parts = lower.split(/\s*[,，]\s*/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const hit = COUNTRY_NAMES.get(parts[i]!);
    if (hit) return hit;
  }
  return null;
}

/** Condition stated in a condition field or schema.org itemCondition. */
export function parseCondition(text: string | null | undefined): Condition | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const t = text.toLowerCase();
  if (/refurbish|renewed|recondition|remanufactured|reacondicionad|generalüberholt|翻新|tân trang|like ?new/.test(t)) {
    return 'refurbished';
  }
  if (/used|pre-?owned|second[- ]hand|gebraucht|occasion|usado|usato|二手|đã qua sử dụng|cũ|damaged/.test(t)) {
    return 'used';
  }
  if (/\bnew\b|newcondition|brand new|nuevo|\bneu\b|neuf|nuovo|全新|mới/.test(t)) return 'new';
  return null;
}

/** Only unambiguous words in a title count ("(Renewed)", "Refurbished", "Pre-Owned"). */
export function conditionFromTitle(title: string | null | undefined): Condition | null {
  if (typeof title !== 'string') return null;
  if (/\b(renewed|refurbished|remanufactured)\b/i.test(title)) return 'refurbished';
  if (/\b(pre-?owned|second[- ]hand)\b/i.test(title)) return 'used';
  return null;
}

/**
 * Country of a marketplace's local site, for seller locations that name only a province: the
 * first letters of its currency's ISO code (PHP -> PH, CNY -> CN), except the euro's.
 */
export function hostCountry(hostname: string): string | null {
  const cur = hostCurrency(hostname);
  return cur && cur !== 'EUR' ? cur.slice(0, 2) : null;
}

/**
 * A seller location on a local marketplace: a country name when it names one, the site's own
 * country when it names a province or city ("Laguna" on lazada.com.ph), null for "Overseas".
 */
export function localLocation(text: string | null | undefined, hostname: string): string | null {
  if (typeof text !== 'string' || !text.trim() || text.length > 120) return null;
  const named = countryToIso2(text);
  if (named) return named;
  if (/overseas|international|abroad|nước ngoài|海外|境外|quốc tế|luar negeri|ต่างประเทศ/i.test(text)) return null;
  return hostCountry(hostname);
}

/** The country of the first short line among `sel` that starts with `label` ("Ships from Türkiye", "Located in China"). */
export function labelledCountry(root: ParentNode, sel: string, label: RegExp): string | null {
  for (const el of safeQueryAll(root, sel)) {
    // A long text is no label line: skip it before cleaning it (whole tiles on some sites).
    if ((el.textContent?.length ?? 0) > 1000) continue;
    const t = text(el);
    if (t && t.length < 60 && label.test(t)) return countryToIso2(t.replace(label, ''));
  }
  return null;
}
