import type { Translate } from '@/lib/format';

/** The last row of the badge panel and the page panel: hide on this page (trusted clicks only), close. */
export function PanelFooter({ t, hidePage, close }: { t: Translate; hidePage: () => void; close: () => void }) {
  return (
    <span class="cl-actions">
      <button type="button" class="cl-link" onClick={(e) => e.isTrusted && hidePage()}>
        {t('hidePage')}
      </button>
      <button type="button" class="cl-close" onClick={close}>
        {t('close')}
      </button>
    </span>
  );
}
