import { CURRENCIES, setBoardLocale, type Currency } from '@rejse/shared';
import { useId, useState } from 'react';
import { useBoard, useBoardUiStore, useSession } from '../doc/BoardContext.tsx';
import { describeError } from '../doc/commands.ts';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { LOCALE_NAMES, LOCALES, isLocale, useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { boardFormatExample } from './boardFormat.ts';
import './settings.css';

const isCurrency = (value: string): value is Currency => (CURRENCIES as readonly string[]).includes(value);

/** The board's language and currency (exports, report), for the facilitator only. */
export function BoardSettingsButton() {
  const t = useT();
  const role = useRole();
  const [open, setOpen] = useState(false);
  if (role !== 'facilitator') return null;
  return (
    <>
      <button
        type="button"
        className="icon-button board-settings__open"
        aria-label={t('settings.open')}
        title={t('settings.open')}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM6.9 1.5h2.2l.4 1.8 1.2.7 1.8-.6 1.1 1.9-1.4 1.2v1.4l1.4 1.2-1.1 1.9-1.8-.6-1.2.7-.4 1.8H6.9l-.4-1.8-1.2-.7-1.8.6-1.1-1.9 1.4-1.2V7.3L2.4 6.1l1.1-1.9 1.8.6 1.2-.7z" />
        </svg>
      </button>
      {open ? <BoardSettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function BoardSettingsDialog({ onClose }: { onClose: () => void }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const boardLocale = useBoard((b) => b.locale);
  const boardCurrency = useBoard((b) => b.currency);
  const [locale, setLocale] = useState(boardLocale);
  const [currency, setCurrency] = useState<Currency>(boardCurrency);
  const localeId = useId();
  const currencyId = useId();
  const example = boardFormatExample(locale, currency, new Date());
  // A board made elsewhere may carry a region tag (da-DK) or another language: keep it choosable.
  const localeOptions: string[] = isLocale(boardLocale) ? [...LOCALES] : [...LOCALES, boardLocale];

  const save = () => {
    try {
      session.endStep();
      setBoardLocale(session.doc, locale, currency);
      session.endStep();
      uiStore.getState().notify(t('settings.saved'));
      onClose();
    } catch (error) {
      uiStore.getState().notify(describeError(error));
    }
  };

  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={save}>
            {t('settings.save')}
          </button>
        </>
      }
    >
      <p>{t('settings.intro')}</p>
      <div className="board-settings__fields">
        <label className="field" htmlFor={localeId}>
          <span className="field__label">{t('settings.locale')}</span>
          <select id={localeId} className="input" value={locale} onChange={(event) => setLocale(event.target.value)}>
            {localeOptions.map((option) => (
              <option key={option} value={option} lang={option}>
                {isLocale(option) ? LOCALE_NAMES[option] : option}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={currencyId}>
          <span className="field__label">{t('settings.currency')}</span>
          <select
            id={currencyId}
            className="input"
            value={currency}
            onChange={(event) => {
              if (isCurrency(event.target.value)) setCurrency(event.target.value);
            }}
          >
            {CURRENCIES.map((option) => (
              <option key={option} value={option}>
                {t(`currency.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="board-settings__example" data-testid="board-format-example">
        {t('settings.example', { ...example })}
      </p>
    </Dialog>
  );
}
