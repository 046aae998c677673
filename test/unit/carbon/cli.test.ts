import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEstimate } from '../../../cli/estimate';

function sink(): { stream: Writable; text: () => string } {
  let buf = '';
  return {
    stream: new Writable({
      write(chunk, _enc, cb) {
        buf += String(chunk);
        cb();
      },
    }),
    text: () => buf,
  };
}

describe('cli estimate', () => {
  it('prints one JSON line per input line, errors per bad line, non-zero exit at the end', async () => {
    const input = [
      JSON.stringify({ title: 'Women Summer Floral Dress', price: 19.99, currency: 'USD' }),
      'not json',
      JSON.stringify({ title: 5 }),
      JSON.stringify({ title: 'Nhà Giả Kim (Tái Bản)', price: 58000, currency: 'VND' }),
    ].join('\n');
    const out = sink();
    const code = await runEstimate(['--home', 'VN'], { stdin: Readable.from([input]), stdout: out.stream, stderr: sink().stream });
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ tier: 'T4', categoryId: 'dress' });
    for (const k of ['kg', 'low', 'high', 'tier', 'categoryId', 'breakdown']) expect(lines[0]).toHaveProperty(k);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[2]).toMatchObject({ line: 3 });
    expect(lines[3]).toMatchObject({ categoryId: 'books' });
    expect(code).toBe(1);
  });

  it('exits 0 when every line is good', async () => {
    const out = sink();
    const code = await runEstimate([], { stdin: Readable.from(['{"title":"usb-c cable","price":9.99,"currency":"USD"}\n']), stdout: out.stream });
    expect(code).toBe(0);
  });
});
