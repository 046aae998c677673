/**
 * The collector's only storage: one counter per (ISO week, answered bucket). A report increments
 * a counter and is forgotten; no row ever holds a report, a time finer than the week, or anything
 * about the sender. The file therefore stays the same size however many reports arrive.
 */
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 1;

export interface WeekCounts {
  readonly week: string;
  /** Count of privatised answers per bucket, index = bucket id. */
  readonly counts: number[];
  readonly n: number;
}

export interface CounterStore {
  increment(week: string, bucket: number): void;
  weeks(): WeekCounts[];
  close(): void;
}

export function openCounterStore(path: string, bucketCount: number): CounterStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a power cut may lose the last few increments, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`counter store ${path} has schema ${version}, newer than ${SCHEMA_VERSION}`);
  }
  db.exec(`
    CREATE TABLE IF NOT EXISTS week_bucket_counts (
      week   TEXT    NOT NULL,
      bucket INTEGER NOT NULL,
      count  INTEGER NOT NULL,
      PRIMARY KEY (week, bucket)
    ) WITHOUT ROWID;
  `);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const bump = db.prepare(
    `INSERT INTO week_bucket_counts (week, bucket, count) VALUES (?, ?, 1)
     ON CONFLICT (week, bucket) DO UPDATE SET count = count + 1`,
  );
  const all = db.prepare(
    'SELECT week, bucket, count FROM week_bucket_counts ORDER BY week, bucket',
  );

  return {
    increment(week, bucket) {
      bump.run(week, bucket);
    },
    weeks() {
      const byWeek = new Map<string, number[]>();
      for (const row of all.all() as { week: string; bucket: number; count: number }[]) {
        if (row.bucket < 0 || row.bucket >= bucketCount) continue;
        let counts = byWeek.get(row.week);
        if (!counts) byWeek.set(row.week, (counts = new Array<number>(bucketCount).fill(0)));
        counts[row.bucket] = row.count;
      }
      return [...byWeek].map(([week, counts]) => ({
        week,
        counts,
        n: counts.reduce((a, c) => a + c, 0),
      }));
    },
    close() {
      if (db.open) db.close();
    },
  };
}
