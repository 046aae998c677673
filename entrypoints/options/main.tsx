import { render } from 'preact';
import { Options } from '@/components/Options';
import { createTranslate } from '@/lib/i18n';
import { adapters } from '@/lib/sites';
import type { Reply } from '@/lib/messages';
import { sitePattern } from '@/lib/extra-sites';
import './options.css';

const t = createTranslate((key, subs) => browser.i18n.getMessage(key as never, subs));
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = t('optTitle');

async function send<T>(message: unknown): Promise<Reply<T>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  return reply ?? { ok: false, error: 'The background did not answer.' };
}

function download(filename: string, text: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

render(
  <Options
    t={t}
    locale={locale}
    today={new Date().toISOString().slice(0, 10)}
    sites={adapters.filter((a) => a.id !== 'generic').map((a) => ({ id: a.id, name: a.name }))}
    api={{
      getSettings: () => send({ type: 'page-to-background:get-settings' }),
      setSettings: (patch) => send({ type: 'page-to-background:set-settings', patch }),
      exportData: (format) => send({ type: 'page-to-background:export', format }),
      importData: (text) => send({ type: 'page-to-background:import', text }),
      deleteAll: () => send({ type: 'page-to-background:delete-all', confirm: true }),
      download,
      sharing: {
        getSharing: () => send({ type: 'page-to-background:get-sharing' }),
        async optIn(collectorUrl) {
          // The collector's origin is an optional host permission, asked on this click.
          const origin = `${new URL(collectorUrl).origin}/*`;
          const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
          if (!granted) return { ok: false, error: t('sharePermissionDenied', new URL(collectorUrl).origin) };
          return send({ type: 'page-to-background:set-sharing', enabled: true });
        },
        optOut: () => send({ type: 'page-to-background:set-sharing', enabled: false }),
        setCollectorUrl: (url) => send({ type: 'page-to-background:set-settings', patch: { collectorUrl: url } }),
      },
      otherShops: {
        async enable(input) {
          const site = sitePattern(input);
          if (!site.ok) return { ok: false, error: t(`shopsInvalid_${site.reason.replace('-', '_')}`) };
          // Asked on this click, for this one origin and `scripting` (both optional in the manifest).
          const granted = await browser.permissions.request({ permissions: ['scripting'], origins: [site.pattern] }).catch(() => false);
          if (!granted) return { ok: false, error: t('shopsDenied', site.host) };
          return send({ type: 'page-to-background:enable-site', pattern: site.pattern });
        },
        disable: (pattern) => send({ type: 'page-to-background:disable-site', pattern }),
      },
    }}
  />,
  document.getElementById('app')!,
);
