/** Titles and breadcrumbs into normalised tokens with their clauses (the resolver's input). */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー';
const TOKEN_RE = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

export const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, NFKC; diacritics are kept (Vietnamese "sách" book is not "sạch" clean). */
export function normalise(text: string): string {
  // NFKC is a no-op on ASCII, and most titles are ASCII: skip it there.
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

/** Light plural folding for space-separated languages: "cables" = "cable". */
function stem(tok: string): string {
  return tok.length > 3 && tok.endsWith('s') && !tok.endsWith('ss') ? tok.slice(0, -1) : tok;
}

export interface Token {
  text: string;
  cjk: boolean;
  start: number;
  end: number;
  /** Clause number: commas, bars, brackets and " - " separate the clauses of a title. */
  clause: number;
}

const CLAUSE_BREAK = /[,;|()[\]{}，；（）【】「」丨]|\s[-–—]\s|\s[-–—]|[-–—]\s/;

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Whether the text between two tokens ends a clause (ASCII fast path of CLAUSE_BREAK). */
function breaksClause(norm: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    // , ; | ( ) [ ] { }
    if (c === 44 || c === 59 || c === 124 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125) return true;
    if (c === 45 && ((i > from && norm.charCodeAt(i - 1) === 32) || (i + 1 < to && norm.charCodeAt(i + 1) === 32))) return true;
    if (c > 127) return CLAUSE_BREAK.test(norm.slice(from, to));
  }
  return false;
}

export function tokenise(norm: string): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let prevEnd = 0;
  if (ASCII.test(norm)) {
    // Most titles are ASCII: a character loop is several times faster than the Unicode regex.
    const n = norm.length;
    let i = 0;
    while (i < n) {
      while (i < n && !isAsciiWordChar(norm.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && isAsciiWordChar(norm.charCodeAt(i))) i++;
      if (start > prevEnd && breaksClause(norm, prevEnd, start)) clause++;
      out.push({ text: stem(norm.slice(start, i)), cjk: false, start, end: i, clause });
      prevEnd = i;
    }
    return out;
  }
  for (const m of norm.matchAll(TOKEN_RE)) {
    const start = m.index;
    if (start > prevEnd && breaksClause(norm, prevEnd, start)) clause++;
    if (m[1] !== undefined) {
      out.push({ text: m[1], cjk: true, start, end: start + m[1].length, clause });
      prevEnd = start + m[1].length;
    } else if (m[2] !== undefined) {
      out.push({ text: stem(m[2]), cjk: false, start, end: start + m[2].length, clause });
      prevEnd = start + m[2].length;
    }
  }
  return out;
}
