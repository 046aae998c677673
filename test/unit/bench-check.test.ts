import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
let n = 0;

/** Runs scripts/bench-check.mjs on a BENCHMARKS.md holding `rows` under the Budgets heading. */
function check(rows: string[], extra: string[] = [], heading = '## Budgets') {
  const file = join(dir, `b${n++}.md`);
  writeFileSync(file, ['# Benchmarks', '', heading, '', '| budget | measured | limit | status |', '| --- | ---: | ---: | --- |', ...rows, '', '## Next', '| a | 99 | <= 1 | ok |'].join('\n'));
  const r = spawnSync(process.execPath, ['scripts/bench-check.mjs', file, ...extra], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run bench:check', () => {
  it('passes when every budget is met, reading thousands separators and units', () => {
    const r = check(['| fuzzed pages run | 10,000 | >= 10,000 | ok |', '| added script, worst page | 9.6 ms | <= 10 ms | ok |']);
    expect(r.out).toContain('2 within budget, 0 exceeded, 0 not measured');
    expect(r.code).toBe(0);
  });

  it('fails on a value over its limit, whatever the status column says', () => {
    const r = check(['| added script, worst page | 10.6 ms | <= 10 ms | ok |', '| throughput | 331,500 items/s | >= 100,000 items/s | ok |']);
    expect(r.out).toMatch(/✗ added script, worst page: 10.6 ms/);
    expect(r.code).toBe(1);
  });

  it('fails on a budget not measured, unless told to allow it', () => {
    const rows = ['| heap | - | <= 5 MB | not measured |', '| throughput | 331,500 items/s | >= 100,000 items/s | ok |'];
    expect(check(rows).code).toBe(1);
    const allowed = check(rows, ['--allow-unmeasured']);
    expect(allowed.out).toContain('1 within budget, 0 exceeded, 1 not measured');
    expect(allowed.code).toBe(0);
  });

  it('fails with code 2 without a readable table, and on an unreadable limit with 1', () => {
    expect(check(['| x | 1 | <= 2 | ok |'], [], '## Something else').code).toBe(2);
    expect(check([]).code).toBe(2);
    expect(check(['| x | 1 | about two | ok |']).code).toBe(1);
  });

  it('the committed docs/BENCHMARKS.md is readable by it (a run of record, every budget measured)', () => {
    const r = spawnSync(process.execPath, ['scripts/bench-check.mjs', '--allow-unmeasured'], { encoding: 'utf8' });
    expect(r.status === 0 || r.status === 1).toBe(true);
    expect(r.stdout).toMatch(/\d+ within budget, \d+ exceeded, 0 not measured/);
  });
});
