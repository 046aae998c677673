/**
 * `cli estimate [FILE.jsonl] [--home XX]`: one JSON line out per JSON line in (stdin when no file).
 * A bad line prints {"line":N,"error":"..."} and the run goes on; the exit code is 1 if any failed.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { estimateItem } from '../lib/carbon/estimate';
import type { ItemInput } from '../lib/carbon/types';

const nullableNum = z.number().finite().nullable().optional();
export const estimateLineSchema = z.object({
  title: z.string(),
  categoryPath: z.array(z.string()).nullable().optional(),
  price: nullableNum,
  currency: z.string().nullable().optional(),
  weightKg: nullableNum,
  shipFrom: z.string().nullable().optional(),
  condition: z.enum(['new', 'used', 'refurbished']).nullable().optional(),
  publishedKg: nullableNum,
  shipMode: z.enum(['air', 'sea', 'rail', 'road']).nullable().optional(),
});

const USAGE = 'usage: cli estimate [FILE.jsonl] [--home XX]   (reads stdin when no file)';

export interface RunIo {
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
}

export async function runEstimate(args: string[], io: RunIo = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  let home = 'US';
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--home') {
      const v = args[++i];
      if (!v || !/^[A-Za-z]{2}$/.test(v)) {
        err.write(`--home needs an ISO 3166-1 alpha-2 code\n${USAGE}\n`);
        return 2;
      }
      home = v.toUpperCase();
    } else if (a === '-h' || a === '--help') {
      out.write(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      err.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else {
      file = a === '-' ? null : a;
    }
  }
  let input: Readable;
  if (file) {
    const stream = createReadStream(file);
    const opened = await new Promise<Error | null>((resolve) => {
      stream.once('open', () => resolve(null));
      stream.once('error', (e) => resolve(e));
    });
    if (opened) {
      err.write(`cannot read ${file}: ${opened.message}\n`);
      return 2;
    }
    input = stream;
  } else {
    input = io.stdin ?? process.stdin;
  }
  let failed = 0;
  let n = 0;
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      failed++;
      out.write(`${JSON.stringify({ line: n, error: `invalid JSON: ${(e as Error).message}` })}\n`);
      continue;
    }
    const item = estimateLineSchema.safeParse(parsed);
    if (!item.success) {
      failed++;
      const msg = item.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      out.write(`${JSON.stringify({ line: n, error: msg })}\n`);
      continue;
    }
    const est = estimateItem(item.data as ItemInput, { homeCountry: home });
    out.write(
      `${JSON.stringify({
        kg: round(est.kg),
        low: round(est.low),
        high: round(est.high),
        tier: est.tier,
        categoryId: est.categoryId,
        breakdown: est.breakdown.map((b) => ({ stage: b.stage, kg: round(b.kg) })),
        sources: est.sources.map((s) => s.id),
        methodVersion: est.methodVersion,
      })}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
