import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { createTranslate } from '@/lib/i18n';
import { setMassUnit } from '@/lib/format';
import type { Reply, SummaryReply } from '@/lib/messages';
import './popup.css';

const t = createTranslate((key, subs) => browser.i18n.getMessage(key as never, subs));
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;

async function send<T>(message: unknown): Promise<Reply<T>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  return reply ?? { ok: false, error: 'The background did not answer.' };
}

render(
  <Popup
    t={t}
    locale={locale}
    load={async () => {
      const reply = await send<SummaryReply>({ type: 'page-to-background:get-summary' });
      if (reply.ok) setMassUnit(reply.data.settings.units);
      return reply;
    }}
    undo={(id) => send({ type: 'page-to-background:undo', id })}
    openOptions={() => void browser.runtime.openOptionsPage()}
    community={() => send({ type: 'page-to-background:get-community' })}
  />,
  document.getElementById('app')!,
);
