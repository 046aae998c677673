import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostCurrency, parseNumber, parsePrice, structuredPrice, symbolCurrency, SYMBOLS } from '../../../lib/sites/price';
import { conditionFromTitle, countryToIso2, localLocation, parseCondition, parseWeightKg } from '../../../lib/sites/facts';
import { itemKey } from '../../../lib/sites/index';

describe('parsePrice', () => {
  const cases: [string, string, number, number | null, string | null][] = [
    ['₱305', 'www.lazada.com.ph', 305, null, 'PHP'],
    ['40.000 ₫', 'www.lazada.vn', 40000, null, 'VND'],
    ['₫58,000', 'www.lazada.vn', 58000, null, 'VND'],
    ['₹1,499', 'www.amazon.in', 1499, null, 'INR'],
    ['17,04 €', 'www.amazon.es', 17.04, null, 'EUR'],
    ['1.499,99 €', 'www.amazon.de', 1499.99, null, 'EUR'],
    ['€ 97,39 - 128,72', 'he.aliexpress.com', 97.39, 128.72, 'EUR'],
    ['US $13.00', 'www.alibaba.com', 13, null, 'USD'],
    ['CN¥82.34', 'www.alibaba.com', 82.34, null, 'CNY'],
    ['GH₵1,957.89', 'www.alibaba.com', 1957.89, null, 'GHS'],
    ['¥55.00', 'search.jd.com', 55, null, 'CNY'],
    ['￥1,200', 'www.amazon.co.jp', 1200, null, 'JPY'],
    ['5499.00-6799.00', 'detail.tmall.com', 5499, 6799, 'CNY'],
    ['149.00 - 159.00', 'item.taobao.com', 149, 159, 'CNY'],
    ['R$ 1.299,90', 'www.amazon.com.br', 1299.9, null, 'BRL'],
    ['$27.25', 'shopee.sg', 27.25, null, 'SGD'],
    ['S$27.25', 'www.amazon.sg', 27.25, null, 'SGD'],
    ['$35.99', 'www.amazon.com', 35.99, null, 'USD'],
    ['CDN$ 35.99', 'www.amazon.ca', 35.99, null, 'CAD'],
    ['Now $19.99', 'www.walmart.com', 19.99, null, 'USD'],
    ['current price $16.77', 'www.walmart.com', 16.77, null, 'USD'],
    ['RM12.90', 'www.lazada.com.my', 12.9, null, 'MYR'],
    ['Rp 15.000', 'www.lazada.co.id', 15000, null, 'IDR'],
    ['฿1,290', 'www.lazada.co.th', 1290, null, 'THB'],
    ['£12.50', 'www.ebay.co.uk', 12.5, null, 'GBP'],
    ['1 499,99 zł', 'www.amazon.pl', 1499.99, null, 'PLN'],
    ['49770', 'tiki.vn', 49770, null, 'VND'],
  ];
  for (const [text, host, price, max, cur] of cases) {
    it(`${text} on ${host}`, () => {
      const p = parsePrice(text, host);
      expect(p).not.toBeNull();
      expect(p!.price).toBeCloseTo(price, 6);
      expect(p!.priceMax).toBe(max);
      expect(p!.currency).toBe(cur);
    });
  }
  it('unknown currency stays null where the site does not say', () => {
    expect(parsePrice('12.50', 'www.etsy.com')!.currency).toBeNull();
  });
  it('rejects non-prices and hostile input', () => {
    for (const bad of ['', 'free', 'Sold out', '-', '0', '0.00', '∞', 'NaN', '<script>', '.', ',,,', null, undefined]) {
      expect(parsePrice(bad as string, 'www.amazon.com')).toBeNull();
    }
    expect(parsePrice('9'.repeat(10_000), 'x.com')).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('shopee.sg', 'www.amazon.de', 'jd.com', ''), (s, host) => {
        const p = parsePrice(s, host);
        if (p) {
          expect(Number.isFinite(p.price) && p.price > 0).toBe(true);
          if (p.priceMax !== null) expect(p.priceMax).toBeGreaterThan(p.price);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('parseNumber and structuredPrice', () => {
    expect(parseNumber('1,499')).toBe(1499);
    expect(parseNumber('1.499', true)).toBe(1499);
    expect(parseNumber('17,04')).toBe(17.04);
    expect(structuredPrice('40000.00')).toBe(40000);
    expect(structuredPrice(-3)).toBeNull();
    expect(structuredPrice(Number.NaN)).toBeNull();
    expect(structuredPrice({})).toBeNull();
  });
  it('hostCurrency', () => {
    expect(hostCurrency('www.amazon.co.uk')).toBe('GBP');
    expect(hostCurrency('shopee.com.br')).toBe('BRL');
    expect(hostCurrency('www.etsy.com')).toBeNull();
    expect(hostCurrency('he.aliexpress.com')).toBeNull();
  });
});

describe('parseWeightKg', () => {
  it.each([
    ['15 pounds', 6.803886],
    ['332 Grams', 0.332],
    ['12 ounces (View shipping rates)', 0.340194],
    ['1,2 kg', 1.2],
    ['2.5 lbs', 1.133981],
    ['500g', 0.5],
    ['净重 2公斤', 2],
  ])('%s', (text, kg) => expect(parseWeightKg(text)).toBeCloseTo(kg, 5));
  it('is null when no weight is stated', () => {
    for (const bad of ['', '15', 'heavy', '4G LTE', '16GB', 'kg', null, '0 kg', '9999999 kg', 'x'.repeat(10_000)]) {
      expect(parseWeightKg(bad)).toBeNull();
    }
  });
});

describe('countryToIso2', () => {
  it.each([
    ['Rancho Cucamonga, California, United States', 'US'],
    ['Located in China', 'CN'],
    ['Türkiye', 'TR'],
    ['Japan', 'JP'],
    ['Việt Nam', 'VN'],
    ['中国', 'CN'],
    ['location-Japan', 'JP'],
    ['CN', 'CN'],
    ['Hong Kong', 'HK'],
  ])('%s -> %s', (text, iso) => expect(countryToIso2(text)).toBe(iso));
  it('is null for places it does not know and for hostile input', () => {
    for (const bad of ['Laguna', 'EPHDirect', 'Amazon', '', 'ZZ', 'x'.repeat(1000), null]) expect(countryToIso2(bad)).toBeNull();
  });
  it('local seller locations give the site country, "Overseas" gives null', () => {
    expect(localLocation('Laguna', 'www.lazada.com.ph')).toBe('PH');
    expect(localLocation('Overseas', 'www.lazada.com.ph')).toBeNull();
    expect(localLocation('China', 'www.lazada.com.ph')).toBe('CN');
  });
});

describe('condition', () => {
  it.each([
    ['Brand New', 'new'],
    ['Pre-Owned', 'used'],
    ['Used', 'used'],
    ['https://schema.org/NewCondition', 'new'],
    ['http://schema.org/RefurbishedCondition', 'refurbished'],
    ['Certified - Refurbished', 'refurbished'],
    ['Gebraucht', 'used'],
  ])('%s', (text, cond) => expect(parseCondition(text)).toBe(cond));
  it('titles only count unambiguous words', () => {
    expect(conditionFromTitle('Apple iPhone 12 (Renewed)')).toBe('refurbished');
    expect(conditionFromTitle('New Design Luxury Sneakers')).toBeNull();
    expect(conditionFromTitle('Used for kitchen')).toBeNull();
  });
});

describe('itemKey', () => {
  it('ignores tracking parameters but keeps ids in the query', () => {
    const a = itemKey({ url: 'https://shopee.sg/x-i.1.2?sp_atk=a', title: 'x', price: 1 });
    const b = itemKey({ url: 'https://shopee.sg/x-i.1.2?sp_atk=b', title: 'x', price: 1 });
    expect(a).toBe(b);
    expect(itemKey({ url: 'https://item.taobao.com/item.htm?id=1', title: 'x', price: 1 })).not.toBe(
      itemKey({ url: 'https://item.taobao.com/item.htm?id=2', title: 'x', price: 1 }),
    );
    expect(itemKey({ url: null, title: 'Tea', price: 3 })).toBe('tea|3');
  });
  it('gives the key of parsing the whole query, for any query (property)', () => {
    // The reference: the query always parsed (before item URLs without an id skipped parsing it).
    const reference = (url: string) => {
      const u = new URL(url);
      const id = u.searchParams.get('id') ?? u.searchParams.get('itemId') ?? u.searchParams.get('sku') ?? '';
      return `${u.host}${u.pathname}${id ? `?id=${id}` : ''}`;
    };
    const part = fc.constantFrom('id', 'itemId', 'sku', 'ID', 'xid', 'sp_atk', 'i%64', '', '=', '&', '?', '#', '1', 'a b', '%20');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const url = `https://shop.example/p/1?${parts.join('')}`;
        expect(itemKey({ url, title: 't', price: 1 })).toBe(reference(url));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('symbolCurrency', () => {
  it('names the currency of a symbol, letter codes as whole words only', () => {
    expect(symbolCurrency('US $12.99')).toBe('USD');
    expect(symbolCurrency('S$ 5')).toBe('SGD');
    expect(symbolCurrency('12.000₫')).toBe('VND');
    expect(symbolCurrency('$5', 'www.amazon.ca')).toBe('CAD');
    expect(symbolCurrency('¥5', 'www.jd.com')).toBe('CNY');
    expect(symbolCurrency('TITLE 5')).toBeNull();
    expect(symbolCurrency('5 kraft')).toBeNull();
  });

  it('finds what the ordered search alone finds: the one-pass pre-check never hides a symbol (property)', () => {
    // The search before the pre-check: every symbol in order, letter codes as whole words.
    const ordered = (text: string) => {
      for (const [sym, cur] of SYMBOLS) {
        const i = text.indexOf(sym);
        if (i < 0) continue;
        if (/^[A-Za-z]/.test(sym) && (/[A-Za-z]/.test(text[i - 1] ?? ' ') || (/[A-Za-z]/.test(text[i + sym.length] ?? ' ') && sym !== 'Rs.'))) continue;
        return cur;
      }
      return null;
    };
    const pieces = fc.constantFrom(...SYMBOLS.map(([sym]) => sym), '$', '¥', 'x', 'T', 'L', ' ', '1', '.', ',', '?', '*', '(');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const expected = ordered(text);
        if (expected) expect(symbolCurrency(text)).toBe(expected);
        else expect(symbolCurrency(text)).toBe(text.includes('¥') ? 'CNY' : text.includes('$') ? 'USD' : null); // the fallbacks
      }),
      { numRuns: 5000 },
    );
    // Every symbol on its own is found (an escaping slip in the pre-check would hide one).
    for (const [sym] of SYMBOLS) {
      expect(symbolCurrency(` ${sym} 5`), sym).not.toBeNull();
      expect(symbolCurrency(` ${sym} 5`), sym).toBe(ordered(` ${sym} 5`));
    }
  });
});
