import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatKg, type Translate } from '@/lib/format';
import type { Reply, SummaryReply } from '@/lib/messages';
import type { Amount } from '@/lib/ledger/summary';
import { CONSUMERS_SOURCE, GOAL_SOURCE, paceThisYear, personalShareKgPerYear } from '@/lib/goal';
import { WeekChart } from './WeekChart';
import type { Community } from '@/lib/sharing';

export interface PopupProps {
  t: Translate;
  locale?: string;
  load: () => Promise<Reply<SummaryReply>>;
  undo: (id: string) => Promise<Reply<unknown>>;
  openOptions: () => void;
  /** The community total; asked for only when sharing is on (no request otherwise). */
  community: () => Promise<Reply<Community | null>>;
}

function CommunityCard({ t, locale, enabled, load, openOptions }: { t: Translate; locale?: string; enabled: boolean; load: PopupProps['community']; openOptions: () => void }) {
  const [c, setC] = useState<Reply<Community | null> | null>(null);
  useEffect(() => {
    if (enabled) load().then(setC, (err: unknown) => setC({ ok: false, error: String(err) }));
  }, [enabled, load]);
  const n = (x: number) => formatKg(Math.max(0, x), locale);
  return (
    <section class="goal" data-testid="community">
      <h2>{t('communityTitle')}</h2>
      {!enabled ? (
        <p>{t('communityOff')}</p>
      ) : c?.ok && c.data ? (
        <p data-testid="community-total" data-kg={c.data.totalKg.estimate}>
          {t('communityTotal', c.data.week, String(c.data.reports), n(c.data.totalKg.estimate), n(c.data.totalKg.low), n(c.data.totalKg.high))}
        </p>
      ) : c && !c.ok ? (
        <p role="alert">{t('popupError', c.error)}</p>
      ) : (
        <p>{t('communityNone')}</p>
      )}
      <button type="button" class="link" onClick={openOptions}>
        {t('communityLearn')}
      </button>
    </section>
  );
}

function AmountLine({ label, amount, t, locale, testId }: { label: string; amount: Amount; t: Translate; locale?: string; testId: string }) {
  return (
    <div class="amount" data-testid={testId} data-kg={amount.kg}>
      <span class="amount-label">{label}</span>
      <span class="amount-value">{t('popupTotalValue', formatKg(amount.kg, locale))}</span>
      <span class="range">{t('popupTotalRange', formatKg(amount.low, locale), formatKg(amount.high, locale))}</span>
    </div>
  );
}

export function Popup({ t, locale, load, undo, openOptions, community }: PopupProps) {
  const [state, setState] = useState<Reply<SummaryReply> | null>(null);
  const refresh = useCallback(() => {
    load().then(setState, (err: unknown) => setState({ ok: false, error: String(err) }));
  }, [load]);
  useEffect(refresh, [refresh]);

  if (state === null) return <main aria-busy="true" />;
  if (!state.ok) {
    return (
      <main>
        <p role="alert">{t('popupError', state.error)}</p>
      </main>
    );
  }
  const { summary, recent, settings, now, categoryNames } = state.data;
  const share = personalShareKgPerYear(settings.goalConsumers);
  const pace = paceThisYear(summary.year.kg, settings.goalConsumers, now);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const consumers = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }).format(settings.goalConsumers);

  return (
    <main>
      <h1>{t('popupTotal')}</h1>
      {summary.all.choices === 0 && (
        <section class="first-run" data-testid="first-run">
          <p>{t('firstRun1')}</p>
          <p>{t('firstRun2')}</p>
          <p>{t('firstRun3')}</p>
        </section>
      )}
      <section aria-live="polite" class="totals">
        <div class="total" data-testid="total-kg" data-kg={summary.all.kg} data-low={summary.all.low} data-high={summary.all.high}>
          {t('popupTotalValue', formatKg(summary.all.kg, locale))}
        </div>
        <div class="range">{t('popupTotalRange', formatKg(summary.all.low, locale), formatKg(summary.all.high, locale))}</div>
        <div class="count" data-testid="choice-count" data-count={summary.all.choices}>
          {t('popupChoices', String(summary.all.choices))}
        </div>
        <AmountLine label={t('periodWeek')} amount={summary.week} t={t} locale={locale} testId="total-week" />
        <AmountLine label={t('periodMonth')} amount={summary.month} t={t} locale={locale} testId="total-month" />
        <AmountLine label={t('periodYear')} amount={summary.year} t={t} locale={locale} testId="total-year" />
      </section>

      {summary.all.choices > 0 && (
        <>
          <section>
            <h2>{t('byKind')}</h2>
            <AmountLine label={t('kindSkip')} amount={summary.byKind.skip} t={t} locale={locale} testId="kind-skip" />
            <AmountLine label={t('kindSwitch')} amount={summary.byKind.switch} t={t} locale={locale} testId="kind-switch" />
            <AmountLine label={t('kindSecondHand')} amount={summary.byKind.second_hand} t={t} locale={locale} testId="kind-second_hand" />
            <AmountLine label={t('kindShipping')} amount={summary.byKind.shipping} t={t} locale={locale} testId="kind-shipping" />
          </section>
          <section>
            <h2>{t('byCategory')}</h2>
            {summary.byCategory.slice(0, 5).map((c) => (
              <AmountLine key={c.categoryId} label={categoryNames?.[c.categoryId] ?? c.categoryId} amount={c.amount} t={t} locale={locale} testId={`category-${c.categoryId}`} />
            ))}
          </section>
          <WeekChart
            t={t}
            label={t('chartLabel')}
            locale={locale}
            weeks={summary.perWeek.map((w) => ({ start: w.start, kg: w.amount.kg, low: w.amount.low, high: w.amount.high }))}
          />
        </>
      )}

      <section class="goal" data-testid="goal">
        <h2>{t('goalTitle')}</h2>
        <p>{t('goalText', GOAL_SOURCE.title, GOAL_SOURCE.date)}</p>
        <p>{t('goalShare', formatKg(share, locale), consumers)}</p>
        <p class="fine">{t('goalAssumption', CONSUMERS_SOURCE.title)}</p>
        <p data-testid="goal-pace" data-ratio={pace.ratio}>
          {t('goalPace', formatKg(pace.projectedKg, locale), new Intl.NumberFormat(locale, { style: 'percent' }).format(pace.ratio))}
        </p>
      </section>

      <CommunityCard t={t} locale={locale} enabled={settings.sharingEnabled} load={community} openOptions={openOptions} />

      {recent.length > 0 && (
        <section>
          <h2>{t('recentTitle')}</h2>
          <ul class="recent">
            {recent.map((r) => (
              <li key={r.id}>
                <span class="recent-title">{r.title}</span>
                <span class="range">
                  {t(`kind_${r.kind}`)} · {dateFmt.format(new Date(r.createdAt))} · {t('popupTotalValue', formatKg(r.credited, locale))}
                </span>
                <button type="button" onClick={() => void undo(r.id).then(refresh)} aria-label={t('undoLabel', r.title)}>
                  {t('undo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <button type="button" class="link" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </p>
    </main>
  );
}
