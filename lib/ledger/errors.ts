/** Errors the UI can show as they are: what happened and that nothing was lost. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

/** Maps IndexedDB failures (quota, aborts, blocked upgrades) to a clear LedgerError. */
export async function guard<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    const name = (err as { name?: string } | null)?.name ?? '';
    if (name === 'QuotaExceededError') {
      throw new LedgerError(`${what}: the browser's storage for Carbon Lens is full. Nothing was changed; free some disk space or export and delete old data.`);
    }
    if (name === 'AbortError' || name === 'TransactionInactiveError') {
      throw new LedgerError(`${what}: the write was interrupted and rolled back. Nothing was changed; please try again.`);
    }
    if (name === 'ConstraintError') {
      throw new LedgerError(`${what}: this record already exists. Nothing was changed.`);
    }
    const message = err instanceof Error ? err.message : String(err);
    throw new LedgerError(`${what} failed: ${message}. Nothing was changed.`);
  }
}

/**
 * Runs `body` in an open transaction and waits for the commit; any error aborts the transaction,
 * so a failure part-way leaves no partial write (IndexedDB only aborts by itself on failed requests).
 * When the browser aborted the transaction (quota at commit, a failed request), its `error` is the
 * cause and is what is thrown: the body meanwhile sees only the consequence (an AbortError on its
 * pending request, or an InvalidStateError when it asks a finished transaction for a store).
 */
export async function inTransaction<T>(tx: { abort(): void; done: Promise<void>; readonly error?: DOMException | null }, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw tx.error ?? err;
  }
}
