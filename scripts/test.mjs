#!/usr/bin/env node
// `npm test`: build, typecheck, lint (ESLint security rules), Firefox build + `web-ext lint`, unit
// tests (vitest), end-to-end tests (Playwright), then one plain
// summary line `N passed, N failed` summing every step (CI reads this line or the exit code).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  ok ? results.passed++ : (results.failed++, failures.push(label));
  return ok;
}

const built = step('build (chrome)', 'npx', ['wxt', 'build']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', 'entrypoints', 'components', 'lib', 'cli', 'collector']);
// Firefox: build into .output/firefox-mv3 (the Chrome build stays) and `web-ext lint`: 0 errors,
// and no warning beyond the 4 known and explained ones (scripts/firefox-lint.mjs).
step('firefox build + web-ext lint', 'npm', ['run', '-s', 'lint:firefox']);

// Unit and fixture tests.
const vitestJson = 'test-results/vitest.json';
rmSync(vitestJson, { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  results.passed += v.numPassedTests ?? 0;
  results.failed += v.numFailedTests ?? 0;
  results.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A suite that fails to load has no test counted: count it as a failure.
  if (!unitOk && (v.numFailedTests ?? 0) === 0) (results.failed++, failures.push('unit test suites'));
} else if (!unitOk) (results.failed++, failures.push('unit tests (no report)'));

// End-to-end tests against the built extension.
const e2eJson = 'test-results/e2e.json';
rmSync(e2eJson, { force: true });
if (built) {
  const e2eOk = run('e2e tests', 'npx', ['playwright', 'test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
    results.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    results.failed += s.unexpected ?? 0;
    results.skipped += s.skipped ?? 0;
    if (!e2eOk && (s.unexpected ?? 0) === 0) (results.failed++, failures.push('e2e run'));
  } else if (!e2eOk) (results.failed++, failures.push('e2e tests (no report)'));
}

if (results.skipped) console.log(`\n${results.skipped} skipped (see the printed reasons above)`);
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
