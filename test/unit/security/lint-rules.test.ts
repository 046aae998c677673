/**
 * The ESLint security rules (eslint.config.js) catch every way of turning page text into HTML or
 * code, on the folders they cover; `npm run lint` (a step of `npm test`) applies them to the code.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(code: string, file = 'components/Hostile.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const SINKS: Record<string, string> = {
  innerHTML: 'export const f = (el: Element, s: string) => { el.innerHTML = s; };',
  'innerHTML +=': 'export const f = (el: Element, s: string) => { el.innerHTML += s; };',
  'innerHTML (constant)': "export const f = (el: Element) => { el.innerHTML = '<b>x</b>'; };",
  "['innerHTML']": "export const f = (el: Element, s: string) => { el['innerHTML'] = s; };",
  outerHTML: 'export const f = (el: Element, s: string) => { el.outerHTML = s; };',
  insertAdjacentHTML: "export const f = (el: Element, s: string) => el.insertAdjacentHTML('afterend', s);",
  'document.write': 'export const f = (s: string) => document.write(s);',
  'document.writeln': 'export const f = (s: string) => document.writeln(s);',
  dangerouslySetInnerHTML: 'export const C = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;',
  'dangerouslySetInnerHTML (props object)': 'export const p = (s: string) => ({ dangerouslySetInnerHTML: { __html: s } });',
  'DOMParser.parseFromString': "export const f = (s: string) => new DOMParser().parseFromString(s, 'text/html');",
  'createContextualFragment': 'export const f = (s: string) => document.createRange().createContextualFragment(s);',
  eval: 'export const f = (s: string) => eval(s);',
  'window.eval': 'export const f = (s: string) => window.eval(s);',
  'new Function': "export const f = (s: string) => new Function('x', s);",
  'Function()': 'export const f = (s: string) => Function(s);',
  'setTimeout(string)': "export const f = () => setTimeout('alert(1)', 10);",
  importScripts: "export const f = () => importScripts('https://example.com/x.js');",
  'import(variable)': 'export const f = (u: string) => import(u);',
};

describe('eslint security rules', () => {
  for (const [name, code] of Object.entries(SINKS)) {
    it(`flags ${name}`, async () => {
      const found = await problems(code);
      expect(found.filter((p) => !p.startsWith('parse')), found.join('\n')).not.toEqual([]);
    });
  }

  it('apply to entrypoints, components, lib, cli and collector', async () => {
    for (const dir of ['entrypoints/content/x.tsx', 'components/X.tsx', 'lib/sites/x.ts', 'cli/x.ts', 'collector/x.ts']) {
      expect(await problems(SINKS.innerHTML!, dir), dir).not.toEqual([]);
    }
  });

  it('let text through: textContent, setAttribute, Preact children, literal dynamic imports', async () => {
    const ok = `
      export const f = (el: Element, s: string) => { el.textContent = s; el.setAttribute('title', s); };
      export const C = ({ s }: { s: string }) => <span title={s}>{s}</span>;
      export const g = () => import('./other');
      export const h = () => setTimeout(() => undefined, 10);
    `;
    expect(await problems(ok)).toEqual([]);
  });
});
