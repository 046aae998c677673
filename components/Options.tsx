import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Translate } from '@/lib/format';
import type { Reply } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { SharingConsent, type SharingApi } from './Sharing';
import { REDUCTION_BUCKETS } from '@/lib/share/buckets';
import { EPSILON } from '@/lib/share/rr';

export interface OptionsApi {
  getSettings: () => Promise<Reply<Settings>>;
  setSettings: (patch: Partial<Settings>) => Promise<Reply<Settings>>;
  exportData: (format: 'json' | 'csv') => Promise<Reply<{ text: string }>>;
  importData: (text: string) => Promise<Reply<{ added: number; alreadyPresent: number }>>;
  deleteAll: () => Promise<Reply<unknown>>;
  download: (filename: string, text: string, mime: string) => void;
  sharing: SharingApi;
  otherShops: OtherShopsApi;
}

export interface OtherShopsApi {
  /** Asks the browser for this shop's origin (on this click), then turns the reader on there. */
  enable: (input: string) => Promise<Reply<{ extraSites: string[] }>>;
  disable: (pattern: string) => Promise<Reply<{ extraSites: string[] }>>;
}

export interface OptionsProps {
  t: Translate;
  locale?: string;
  sites: { id: string; name: string }[];
  api: OptionsApi;
  /** Today's date for file names (passed in; components do not read clocks). */
  today: string;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function regionCodes(locale?: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region', fallback: 'none' });
  const out: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && !/^(Z[Z-Z]|X[A-Z]|Q[M-Z]|AA|EU|EZ|UN)$/.test(code)) out.push({ code, name });
    }
  return out.sort((x, y) => x.name.localeCompare(y.name, locale));
}

export function Options({ t, locale, sites, api, today }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const regions = useMemo(() => regionCodes(locale), [locale]);

  useEffect(() => {
    void api.getSettings().then((r) => (r.ok ? setSettings(r.data) : setStatus({ kind: 'error', text: r.error })));
  }, [api]);

  const save = async (patch: Partial<Settings>) => {
    const r = await api.setSettings(patch);
    if (r.ok) {
      setSettings(r.data);
      setStatus({ kind: 'ok', text: t('optSaved') });
    } else setStatus({ kind: 'error', text: r.error });
  };

  const doExport = async (format: 'json' | 'csv') => {
    const r = await api.exportData(format);
    if (!r.ok) return setStatus({ kind: 'error', text: r.error });
    api.download(`carbon-lens-${today}.${format}`, r.data.text, format === 'json' ? 'application/json' : 'text/csv');
    setStatus({ kind: 'ok', text: t('optExported') });
  };

  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const r = await api.importData(await file.text());
    input.value = '';
    setStatus(r.ok ? { kind: 'ok', text: t('optImported', String(r.data.added), String(r.data.alreadyPresent)) } : { kind: 'error', text: r.error });
  };

  const doDelete = async () => {
    const r = await api.deleteAll();
    setConfirming(false);
    setStatus(r.ok ? { kind: 'ok', text: t('optDeleted') } : { kind: 'error', text: r.error });
  };

  if (!settings) return <main aria-busy="true">{status && <p role="alert">{status.text}</p>}</main>;

  return (
    <main>
      <h1>{t('optTitle')}</h1>
      <div role="status" aria-live="polite" class={`status ${status?.kind ?? ''}`} data-testid="status">
        {status?.text}
      </div>

      <section>
        <h2>{t('optWhere')}</h2>
        <label>
          {t('optHomeCountry')}
          <select value={settings.homeCountry ?? ''} onChange={(e) => void save({ homeCountry: (e.currentTarget.value || null) as string | null })}>
            <option value="">{t('optFromBrowser')}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optUnits')}
          <select value={settings.units} onChange={(e) => void save({ units: e.currentTarget.value as Settings['units'] })}>
            <option value="kg">{t('unitLong_kg')} ({t('unit_kg')})</option>
            <option value="lb">{t('unitLong_lb')} ({t('unit_lb')})</option>
          </select>
        </label>
        <label>
          {t('optBadges')}
          <select value={settings.badgeMode} onChange={(e) => void save({ badgeMode: e.currentTarget.value as Settings['badgeMode'] })}>
            <option value="compact">{t('optCompact')}</option>
            <option value="detailed">{t('optDetailed')}</option>
          </select>
        </label>
        <label>
          {t('optConsumers')}
          <input
            type="number"
            min={1_000_000}
            max={8_000_000_000}
            step={1_000_000}
            value={settings.goalConsumers}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 1_000_000 && n <= 8_000_000_000) void save({ goalConsumers: n });
              else setStatus({ kind: 'error', text: t('optConsumersInvalid') });
            }}
          />
        </label>
      </section>

      <fieldset>
        <legend>{t('optSites')}</legend>
        {sites.map((s) => (
          <label key={s.id} class="check">
            <input
              type="checkbox"
              checked={settings.sites[s.id] !== false}
              onChange={(e) => void save({ sites: { ...settings.sites, [s.id]: e.currentTarget.checked } })}
            />
            {s.name}
          </label>
        ))}
      </fieldset>

      <OtherShops t={t} api={api.otherShops} sites={settings.extraSites} onChange={(extraSites, text) => {
        setSettings({ ...settings, extraSites });
        setStatus({ kind: 'ok', text });
      }} onError={(text) => setStatus({ kind: 'error', text })} />

      <SharingConsent t={t} locale={locale} api={api.sharing} epsilon={EPSILON} buckets={REDUCTION_BUCKETS} />

      <section>
        <h2>{t('optData')}</h2>
        <p class="fine">{t('optDataText')}</p>
        <div class="row">
          <button type="button" onClick={() => void doExport('json')}>
            {t('optExportJson')}
          </button>
          <button type="button" onClick={() => void doExport('csv')}>
            {t('optExportCsv')}
          </button>
        </div>
        <label>
          {t('optImport')}
          <input type="file" accept="application/json,.json" data-testid="import" onChange={(e) => void doImport(e.currentTarget)} />
        </label>
        <div class="row">
          {!confirming ? (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('optDelete')}
            </button>
          ) : (
            <>
              <span>{t('optDeleteConfirmText')}</span>
              <button type="button" class="danger" onClick={() => void doDelete()}>
                {t('optDeleteConfirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('optCancel')}
              </button>
            </>
          )}
        </div>
      </section>
    </main>
  );
}

/** Other shops: the generic reader on sites outside the list above, one permission per shop. */
function OtherShops({ t, api, sites, onChange, onError }: { t: Translate; api: OtherShopsApi; sites: string[]; onChange: (sites: string[], text: string) => void; onError: (text: string) => void }) {
  const [input, setInput] = useState('');
  const host = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
  return (
    <section aria-labelledby="shops-h" data-testid="other-shops">
      <h2 id="shops-h">{t('shopsTitle')}</h2>
      <p class="fine">{t('shopsWhat')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          // The permission prompt must come from this click: enable() asks before anything else.
          void api.enable(input).then((r) => {
            if (!r.ok) return onError(r.error);
            setInput('');
            onChange(r.data.extraSites, t('shopsOn'));
          });
        }}
      >
        <label>
          {t('shopsAddress')}
          <input type="text" inputMode="url" autoComplete="off" spellcheck={false} value={input} maxLength={300} onInput={(e) => setInput(e.currentTarget.value)} data-testid="shop-input" />
        </label>
        <button type="submit">{t('shopsAdd')}</button>
      </form>
      {sites.length > 0 && (
        <ul data-testid="shop-list">
          {sites.map((p) => (
            <li key={p}>
              <span>{host(p)}</span>{' '}
              <button
                type="button"
                aria-label={t('shopsRemoveNamed', host(p))}
                onClick={() => void api.disable(p).then((r) => (r.ok ? onChange(r.data.extraSites, t('shopsOff')) : onError(r.error)))}
              >
                {t('shopsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
