// ESLint flat config: a deliberately small, security-focused rule set (issue 8). Page text must
// never be rendered as HTML, and no code may be built from strings at run time.
// `npm run lint`; `npm test` runs it as one step.
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

const htmlSinks = 'Page text is rendered as text, never as HTML (DESIGN.md, Privacy and security).';
const codeFromStrings = 'No code built from strings: no eval, no remote code (MV3 CSP; DESIGN.md).';

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.output/**', '.output-demo/**', '.wxt/**', 'demo-output/**', 'test-results/**', 'playwright-report/**'],
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'cli/**/*.{ts,tsx}', 'collector/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'no-unsanitized': noUnsanitized },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: htmlSinks },
        { object: 'document', property: 'writeln', message: htmlSinks },
        { object: 'window', property: 'eval', message: codeFromStrings },
        { object: 'globalThis', property: 'eval', message: codeFromStrings },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: htmlSinks },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: htmlSinks },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]", message: htmlSinks },
        { selector: "MemberExpression[property.value=/^(innerHTML|outerHTML|insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]", message: htmlSinks },
        { selector: "CallExpression[callee.property.name='parseFromString']", message: `${htmlSinks} (DOMParser only in cli/, never in the extension)` },
        { selector: "NewExpression[callee.name='Function']", message: codeFromStrings },
        { selector: "CallExpression[callee.name='Function']", message: codeFromStrings },
        { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Literal']", message: codeFromStrings },
        { selector: "CallExpression[callee.name='importScripts']", message: codeFromStrings },
        { selector: "ImportExpression[source.type!='Literal']", message: 'Dynamic import only of literal module paths (no remote code).' },
      ],
      '@typescript-eslint/no-implied-eval': 'off', // needs type information; no-implied-eval covers the literal cases
    },
  },
);
