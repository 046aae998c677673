import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { createTranslate } from '@/lib/i18n';
import type { Reply, TotalsReply } from '@/lib/messages';
import './popup.css';

const t = createTranslate((key, subs) => browser.i18n.getMessage(key as never, subs));
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;

const loadTotals = async (): Promise<Reply<TotalsReply>> =>
  ((await browser.runtime.sendMessage({ type: 'popup-to-background:get-totals' })) as Reply<TotalsReply> | undefined) ?? {
    ok: false,
    error: 'no answer',
  };

render(<Popup t={t} locale={locale} loadTotals={loadTotals} />, document.getElementById('app')!);
