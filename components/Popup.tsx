import { useEffect, useState } from 'preact/hooks';
import { formatKg, type Translate } from '@/lib/format';
import type { Reply, TotalsReply } from '@/lib/messages';

export interface PopupProps {
  t: Translate;
  locale?: string;
  loadTotals: () => Promise<Reply<TotalsReply>>;
}

export function Popup({ t, locale, loadTotals }: PopupProps) {
  const [totals, setTotals] = useState<Reply<TotalsReply> | null>(null);
  useEffect(() => {
    loadTotals().then(setTotals, (err: unknown) => setTotals({ ok: false, error: String(err) }));
  }, [loadTotals]);

  return (
    <main>
      <h1>{t('popupTotal')}</h1>
      {totals === null ? null : !totals.ok ? (
        <p role="alert">{t('popupError', totals.error)}</p>
      ) : (
        <section aria-live="polite">
          <div class="total" data-testid="total-kg" data-kg={totals.data.kg}>
            {t('popupTotalValue', formatKg(totals.data.kg, locale))}
          </div>
          <div class="range">{t('popupTotalRange', formatKg(totals.data.low, locale), formatKg(totals.data.high, locale))}</div>
          <div class="count" data-testid="choice-count">{t('popupChoices', String(totals.data.choices))}</div>
          {totals.data.choices === 0 && <p>{t('popupEmpty')}</p>}
        </section>
      )}
    </main>
  );
}
