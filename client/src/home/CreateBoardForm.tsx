import { CURRENCIES, LIMITS, defaultDunningProcess, type Currency, type DunningProcessRequest } from '@rejse/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { rememberBoard } from '../routing/knownBoards.ts';
import { navigate } from '../routing/router.tsx';
import { LOCALE_NAMES, LOCALES, isLocale, useLocale, useT, type Locale } from '../i18n/index.ts';
import { defaultCurrencyFor } from '../settings/boardFormat.ts';
import '../settings/settings.css';
import { Icon } from '../ui/icons.tsx';
import { createBoard, listTemplates } from './api.ts';
import { DunningProcessFields } from './DunningProcessFields.tsx';
import { describeApiError } from './errors.ts';
import { useResource } from './useResource.ts';

const DEFAULT_TEMPLATE = 'blank';

/** Two weeks from today, as an ISO day: where a new invoice's due date usually falls. */
function twoWeeksFromToday(): string {
  const day = new Date(Date.now() + 14 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Title, language, currency and template for a new board; opens it once created. */
export function CreateBoardForm() {
  const t = useT();
  const uiLocale = useLocale();
  // The board's own language and currency: they follow the UI language until chosen here.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [chosenCurrency, setChosenCurrency] = useState<Currency | null>(null);
  const boardLocale = chosenLocale ?? uiLocale;
  const currency = chosenCurrency ?? defaultCurrencyFor(boardLocale);
  const [templates, reloadTemplates] = useResource(() => listTemplates(boardLocale));
  const [title, setTitle] = useState('');
  const localeId = useId();
  const currencyId = useId();
  const localeHintId = useId();

  // The template gallery speaks the board's language.
  const shownLocale = useRef(boardLocale);
  useEffect(() => {
    if (shownLocale.current === boardLocale) return;
    shownLocale.current = boardLocale;
    reloadTemplates();
  }, [boardLocale, reloadTemplates]);
  const [picked, setPicked] = useState<string | null>(null);
  // A template, or a board generated from a dunning process (its defaults follow the board's language until edited).
  const [source, setSource] = useState<'template' | 'dunning'>('template');
  const [editedProcess, setProcess] = useState<DunningProcessRequest | null>(null);
  const [defaultDue] = useState(twoWeeksFromToday);
  const process = editedProcess ?? defaultDunningProcess(boardLocale, defaultDue);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const list = templates.state === 'ready' ? templates.data : [];
  const template = picked ?? (list.find((tpl) => tpl.id === DEFAULT_TEMPLATE) ?? list[0])?.id ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = title.trim();
      const created = await createBoard({
        ...(trimmed ? { title: trimmed } : {}),
        ...(source === 'dunning' ? { dunning: process } : template ? { template } : {}),
        locale: boardLocale,
        currency,
      });
      rememberBoard({
        id: created.id,
        title: created.title,
        token: created.token,
        role: created.role,
        openedAt: Date.now(),
      });
      navigate(created.url);
    } catch (failure) {
      setError(t('home.create.failed', { error: describeApiError(t, failure) }));
      setBusy(false);
    }
  };

  return (
    <form className="create-board" onSubmit={submit} aria-labelledby="create-board-heading">
      <h2 id="create-board-heading" className="section-title">
        {t('home.create.heading')}
      </h2>
      <label className="field">
        <span className="field__label">{t('home.create.titleLabel')}</span>
        <input
          className="input"
          value={title}
          maxLength={LIMITS.titleLength}
          placeholder={t('home.create.titlePlaceholder')}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <div className="create-board__locale">
        <label className="field" htmlFor={localeId}>
          <span className="field__label">{t('home.create.localeLabel')}</span>
          <select
            id={localeId}
            className="input"
            value={boardLocale}
            aria-describedby={localeHintId}
            onChange={(event) => {
              if (!isLocale(event.target.value)) return;
              setChosenLocale(event.target.value);
              setProcess(null);
            }}
          >
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {LOCALE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={currencyId}>
          <span className="field__label">{t('home.create.currencyLabel')}</span>
          <select
            id={currencyId}
            className="input"
            value={currency}
            onChange={(event) => {
              const next = CURRENCIES.find((c) => c === event.target.value);
              if (next) setChosenCurrency(next);
            }}
          >
            {/* The code fits the narrow column; the full name is the option's tooltip. */}
            {CURRENCIES.map((option) => (
              <option key={option} value={option} title={t(`currency.${option}`)}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <p id={localeHintId} className="muted create-board__hint">
          {t('home.create.localeHint')}
        </p>
      </div>
      <fieldset className="field">
        <legend className="field__label">{t('home.create.sourceLabel')}</legend>
        <div className="create-board__source">
          {(['template', 'dunning'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="source" value={option} checked={source === option} onChange={() => setSource(option)} />
              {t(`home.create.source.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {source === 'dunning' ? (
        <DunningProcessFields process={process} currency={currency} onChange={setProcess} />
      ) : (
        <fieldset className="field">
          <legend className="field__label">{t('home.create.templateLabel')}</legend>
          {templates.state === 'loading' ? <p className="muted">{t('home.create.templateLoading')}</p> : null}
          {templates.state === 'error' ? <p className="muted">{t('home.create.templateError')}</p> : null}
          <div className="template-picker">
            {list.map((tpl) => (
              <label
                key={tpl.id}
                className={`template-option${template === tpl.id ? ' is-picked' : ''}${tpl.preview ? ' has-preview' : ''}`}
              >
                <input type="radio" name="template" value={tpl.id} checked={template === tpl.id} onChange={() => setPicked(tpl.id)} />
                {tpl.preview ? (
                  // The server's thumbnail is shown as an image (a data URL), never inserted as markup.
                  <img
                    className="template-option__thumb"
                    src={`data:image/svg+xml,${encodeURIComponent(tpl.preview.svg)}`}
                    alt={t('home.create.previewAlt', { title: tpl.title, stages: tpl.stages, ...tpl.preview.counts })}
                    width={96}
                    height={58}
                    draggable={false}
                  />
                ) : null}
                <span className="template-option__title">{tpl.title}</span>
                <span className="template-option__description" title={tpl.description}>
                  {tpl.description}
                </span>
                <span className="template-option__summary">
                  {tpl.preview && tpl.cards > 0
                    ? t('home.create.counts', { stages: tpl.stages, ...tpl.preview.counts })
                    : t('home.create.templateSummary', { stages: tpl.stages, cards: tpl.cards })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        <Icon name="plus" />
        {busy ? t('home.create.creating') : t('home.create.submit')}
      </button>
    </form>
  );
}
