/** Weight, ship-from country and condition, read from the words pages use for them. */
import type { Condition } from './types';

const WEIGHT_UNITS: readonly [RegExp, number][] = [
  [/^(kg|kgs|kilo|kilos|kilogram|kilograms|kilogramm|kilogramos|kilogrammes?|公斤|千克)$/i, 1],
  [/^(g|gr|grs|gram|grams|gramm|gramos|grammes?|克)$/i, 0.001],
  [/^(mg|milligrams?)$/i, 0.000001],
  [/^(lb|lbs|pound|pounds)$/i, 0.45359237],
  [/^(oz|ounce|ounces)$/i, 0.028349523125],
  [/^斤$/, 0.5],
];

const WEIGHT_RE =
  /(\d+(?:[.,]\d+)?)\s*(kilograms?|kilogramm|kilogramos|kilogrammes?|kilos?|kgs?|milligrams?|mg|grams?|gramm|gramos|grammes?|grs?|g|pounds?|lbs?|ounces?|oz|公斤|千克|克|斤)(?![a-z])/i;

/** "15 pounds" -> 6.80, "332 Grams" -> 0.332, "12 ounces" -> 0.34, "1,2 kg" -> 1.2. Null when unstated. */
export function parseWeightKg(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const re = new RegExp(WEIGHT_RE.source, 'gi');
  const t = text.length > 300 ? text.slice(0, 300) : text;
  for (const m of t.matchAll(re)) {
    // A bare capital "G" is a generation or gigabyte ("4G LTE", "16G"), not grams.
    if (m[2] === 'G') continue;
    const n = Number(m[1]!.replace(',', '.'));
    const unit = WEIGHT_UNITS.find(([u]) => u.test(m[2]!));
    if (!unit || !Number.isFinite(n) || n <= 0) return null;
    const kg = n * unit[1];
    // Nothing sold online weighs more than a few tonnes; bigger numbers are misreads.
    return kg > 0 && kg < 50_000 ? Math.round(kg * 1e6) / 1e6 : null;
  }
  return null;
}

/** Labels of spec-table rows that state a weight (shipping weight is still a weight). */
export const WEIGHT_LABEL = /(item|product|package|shipping|net|unit)?\s*(weight|poids|gewicht|peso|peso del producto|trọng lượng|khối lượng|重量|毛重|净重)/i;

// Names (English, local and Vietnamese/Chinese where cheap) -> ISO 3166-1 alpha-2.
const COUNTRY_NAMES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', 'u.s.a.': 'US', us: 'US', america: 'US', 'hoa kỳ': 'US', mỹ: 'US', 美国: 'US',
  china: 'CN', 'china mainland': 'CN', 'mainland china': 'CN', "people's republic of china": 'CN', 'trung quốc': 'CN', 中国: 'CN', 中国大陆: 'CN',
  'hong kong': 'HK', 'hong kong sar': 'HK', 香港: 'HK', taiwan: 'TW', 台湾: 'TW', 'đài loan': 'TW', macau: 'MO',
  japan: 'JP', 'nhật bản': 'JP', 日本: 'JP', korea: 'KR', 'south korea': 'KR', 'hàn quốc': 'KR', 韩国: 'KR',
  vietnam: 'VN', 'viet nam': 'VN', 'việt nam': 'VN', 越南: 'VN', philippines: 'PH', indonesia: 'ID', thailand: 'TH', 'thái lan': 'TH',
  malaysia: 'MY', singapore: 'SG', cambodia: 'KH', laos: 'LA', myanmar: 'MM', india: 'IN', 印度: 'IN', bangladesh: 'BD', pakistan: 'PK', 'sri lanka': 'LK',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 英国: 'GB',
  germany: 'DE', deutschland: 'DE', đức: 'DE', 德国: 'DE', france: 'FR', pháp: 'FR', 法国: 'FR', italy: 'IT', italia: 'IT', spain: 'ES', españa: 'ES',
  portugal: 'PT', netherlands: 'NL', 'the netherlands': 'NL', belgium: 'BE', austria: 'AT', switzerland: 'CH', ireland: 'IE', sweden: 'SE', norway: 'NO',
  denmark: 'DK', finland: 'FI', poland: 'PL', polska: 'PL', 'czech republic': 'CZ', czechia: 'CZ', hungary: 'HU', romania: 'RO', greece: 'GR', ukraine: 'UA',
  russia: 'RU', 'russian federation': 'RU', turkey: 'TR', türkiye: 'TR', turkiye: 'TR', 'thổ nhĩ kỳ': 'TR', israel: 'IL', 'united arab emirates': 'AE', uae: 'AE',
  'saudi arabia': 'SA', egypt: 'EG', 'south africa': 'ZA', nigeria: 'NG', kenya: 'KE', ghana: 'GH', morocco: 'MA',
  canada: 'CA', mexico: 'MX', méxico: 'MX', brazil: 'BR', brasil: 'BR', argentina: 'AR', chile: 'CL', colombia: 'CO', peru: 'PE',
  australia: 'AU', úc: 'AU', 澳大利亚: 'AU', 'new zealand': 'NZ',
};

const ISO2 = new Set(Object.values(COUNTRY_NAMES));
const PREFIX = /^(location-|located in|ships from|ship from|shipped from|from|item location|location|xuất xứ|gửi từ|giao từ|发货地|产地)\s*:?\s*/i;

/**
 * "Rancho Cucamonga, California, United States" -> "US"; "Located in China" -> "CN";
 * "Türkiye" -> "TR"; "CN" -> "CN". Null when the text names no country we know.
 */
export function countryToIso2(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const t = text.replace(/\s+/g, ' ').trim().replace(PREFIX, '').replace(/[.。]$/, '');
  if (/^[A-Z]{2}$/.test(t)) return ISO2.has(t) ? t : null;
  const lower = t.toLowerCase();
  const direct = COUNTRY_NAMES[lower];
  if (direct) return direct;
  // The country is usually the last part of an address.
  const parts = lower.split(/\s*[,，]\s*/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const hit = COUNTRY_NAMES[parts[i]!];
    if (hit) return hit;
  }
  return null;
}

/** Condition stated in a condition field or schema.org itemCondition. */
export function parseCondition(text: string | null | undefined): Condition | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const t = text.toLowerCase();
  if (/refurbish|renewed|reconditioned|remanufactured|reacondicionad|generalüberholt|reconditionn|翻新|tân trang|likenew|like new/.test(t)) {
    return 'refurbished';
  }
  if (/used|pre-owned|preowned|second[- ]hand|gebraucht|d'occasion|occasion|usado|usato|二手|đã qua sử dụng|cũ|damaged/.test(t)) {
    return 'used';
  }
  if (/\bnew\b|newcondition|brand new|nuevo|\bneu\b|neuf|nuovo|全新|mới/.test(t)) return 'new';
  return null;
}

/** Only unambiguous words in a title count ("(Renewed)", "Refurbished", "Pre-Owned"). */
export function conditionFromTitle(title: string | null | undefined): Condition | null {
  if (typeof title !== 'string') return null;
  if (/\b(renewed|refurbished|remanufactured)\b/i.test(title)) return 'refurbished';
  if (/\b(pre-owned|preowned|second[- ]hand)\b/i.test(title)) return 'used';
  return null;
}

/** Country of a marketplace's local site, for seller locations that name only a province. */
export function hostCountry(hostname: string): string | null {
  const h = hostname.toLowerCase();
  const tld: [RegExp, string][] = [
    [/\.vn$/, 'VN'], [/\.ph$/, 'PH'], [/\.co\.id$/, 'ID'], [/\.co\.th$/, 'TH'], [/\.my$/, 'MY'], [/\.sg$/, 'SG'],
    [/\.tw$/, 'TW'], [/\.br$/, 'BR'], [/\.mx$/, 'MX'], [/\.cl$/, 'CL'], [/\.co$/, 'CO'], [/(taobao|tmall|jd)\.com$/, 'CN'],
  ];
  for (const [re, c] of tld) if (re.test(h)) return c;
  return null;
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
