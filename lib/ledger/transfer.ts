/**
 * Lossless JSON export / import (versioned, zod-validated; re-import adds nothing) and CSV export
 * (safe against spreadsheet formula injection).
 */
import { z } from 'zod';
import type { IDBPDatabase } from 'idb';
import type { ChoiceRecord, LedgerSchema } from './schema';
import { dayTotalOf } from './day-totals';
import { CHOICE_KINDS } from './schema';
import { inTransaction, LedgerError } from './errors';

export const EXPORT_FORMAT = 'carbon-lens-ledger';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing (a ledger of 10 years of daily choices is ~3 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const kg = z.number().finite().nonnegative().max(1e7);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const shortText = z.string().max(2000);

export const ChoiceRecordSchema = z
  .object({
    id: z.string().min(1).max(5000),
    kind: z.enum(CHOICE_KINDS as [ChoiceRecord['kind'], ...ChoiceRecord['kind'][]]),
    day,
    createdAt: z.number().int().nonnegative(),
    title: shortText,
    url: z.string().max(4000).nullable(),
    chosenTitle: shortText.nullable(),
    chosenUrl: z.string().max(4000).nullable(),
    categoryId: z.string().max(200),
    kg,
    low: kg,
    high: kg,
    credited: kg,
    methodVersion: z.string().max(40),
  })
  .refine((r) => r.low <= r.kg && r.kg <= r.high && r.credited <= r.kg, { message: 'range or credited amount out of order' });

export const LedgerExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  choices: z.array(ChoiceRecordSchema).max(1_000_000),
});
export type LedgerExport = z.infer<typeof LedgerExportSchema>;

export interface ImportResult {
  added: number;
  alreadyPresent: number;
}

type Db = IDBPDatabase<LedgerSchema>;

export async function exportLedger(db: Db, now: number): Promise<LedgerExport> {
  const choices = await db.getAll('choices');
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), choices };
}

/** Parses and checks an export; throws a LedgerError saying what is wrong. Pure. */
export function parseExport(text: string): LedgerExport {
  if (text.length > MAX_IMPORT_BYTES) throw new LedgerError(`This file is too large to be a Carbon Lens export (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Nothing was imported.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LedgerError('This file is not valid JSON (it may be truncated or not a Carbon Lens export). Nothing was imported.');
  }
  const parsed = LedgerExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new LedgerError(`This is not a valid Carbon Lens export${where}: ${issue?.message ?? 'unknown problem'}. Nothing was imported.`);
  }
  const ids = new Set<string>();
  for (const c of parsed.data.choices) {
    if (ids.has(c.id)) throw new LedgerError(`This export lists the choice ${c.id.slice(0, 80)} twice. Nothing was imported.`);
    ids.add(c.id);
  }
  return parsed.data;
}

/** Adds the choices not yet present and recomputes the affected day totals, in one transaction. */
export async function importLedger(db: Db, text: string): Promise<ImportResult> {
  const data = parseExport(text);
  const tx = db.transaction(['choices', 'dayTotals'], 'readwrite');
  const added = await inTransaction(tx, async () => {
    const choices = tx.objectStore('choices');
    const touched = new Set<string>();
    let count = 0;
    for (const c of data.choices) {
      if (await choices.getKey(c.id)) continue;
      await choices.add(c);
      touched.add(c.day);
      count++;
    }
    for (const d of touched) await tx.objectStore('dayTotals').put(dayTotalOf(d, await choices.index('byDay').getAll(d)));
    return count;
  });
  return { added, alreadyPresent: data.choices.length - added };
}

const CSV_COLUMNS = ['day', 'kind', 'title', 'url', 'chosenTitle', 'chosenUrl', 'categoryId', 'kg', 'low', 'high', 'credited', 'methodVersion'] as const;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value !== 'number') s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(choices: readonly ChoiceRecord[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const c of choices) rows.push(CSV_COLUMNS.map((k) => csvCell(c[k])).join(','));
  return rows.join('\r\n') + '\r\n';
}
