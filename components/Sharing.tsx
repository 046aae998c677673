import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/format';
import type { Reply } from '@/lib/messages';
import type { SharingStatus } from '@/lib/sharing';

export interface SharingApi {
  getSharing: () => Promise<Reply<SharingStatus>>;
  /** Asks the browser for the collector's origin (on this click), then records consent. */
  optIn: (collectorUrl: string) => Promise<Reply<SharingStatus>>;
  optOut: () => Promise<Reply<SharingStatus>>;
  setCollectorUrl: (url: string | null) => Promise<Reply<unknown>>;
}

export interface SharingProps {
  t: Translate;
  locale?: string;
  api: SharingApi;
  epsilon: number;
  buckets: readonly { label: string }[];
}

/** Consent for opt-in sharing: exactly what is sent, the privacy guarantee, how to stop. */
export function SharingConsent({ t, locale, api, epsilon, buckets }: SharingProps) {
  const [status, setStatus] = useState<SharingStatus | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [url, setUrl] = useState('');
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const apply = (r: Reply<SharingStatus>, ok?: string) => {
    if (r.ok) {
      setStatus(r.data);
      setUrl(r.data.collectorUrl);
      if (ok) setMessage({ kind: 'ok', text: ok });
    } else setMessage({ kind: 'error', text: r.error });
  };
  useEffect(() => void api.getSharing().then((r) => apply(r)), [api]);
  if (!status) return null;

  const toggle = async (on: boolean) => {
    apply(on ? await api.optIn(status.collectorUrl) : await api.optOut(), on ? t('shareOnDone') : t('shareOffDone'));
  };

  return (
    <section aria-labelledby="share-h" data-testid="sharing">
      <h2 id="share-h">{t('shareTitle')}</h2>
      <p>{t('shareWhat', String(epsilon))}</p>
      <p>{t('shareBuckets', buckets.map((b) => b.label).join(' · '))}</p>
      <p>{t('shareNever')}</p>
      <p>{t('shareStop')}</p>
      <label class="check">
        <input type="checkbox" checked={status.enabled} data-testid="share-toggle" onChange={(e) => void toggle(e.currentTarget.checked)} />
        {t('shareToggle')}
      </label>
      <div role="status" aria-live="polite" class={`status ${message?.kind ?? ''}`} data-testid="share-status">
        {message?.text}
      </div>
      {status.enabled && status.pending && (
        <>
          <p>{t('shareNext', date.format(new Date(status.pending.sendAfter)))}</p>
          <pre data-testid="share-payload">{JSON.stringify(status.pending.report)}</pre>
        </>
      )}
      {status.lastSent && <p data-testid="share-last">{t('shareLast', status.lastSent.week, date.format(new Date(status.lastSent.at)))}</p>}
      <details>
        <summary>{t('shareAdvanced')}</summary>
        <label>
          {t('shareCollector')}
          <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} data-testid="share-collector" />
        </label>
        <button
          type="button"
          onClick={async () => {
            const r = await api.setCollectorUrl(url.trim() || null);
            if (!r.ok) return setMessage({ kind: 'error', text: r.error });
            apply(await api.getSharing(), t('optSaved'));
          }}
        >
          {t('shareCollectorSave')}
        </button>
      </details>
    </section>
  );
}
