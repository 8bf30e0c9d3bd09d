import { IMPORT_REFUSAL_REASONS } from '@rejse/shared';
import { useRef, useState, type ChangeEvent } from 'react';
import { rememberBoard } from '../routing/knownBoards.ts';
import { navigate } from '../routing/router.tsx';
import { useT, type Translate } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import { ApiError, importBoard } from './api.ts';
import { describeApiError } from './errors.ts';
import './import.css';

/** The server's import limit (SERVER_LIMITS.httpImportBodyBytes): checked here first to say so at once. */
const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

interface Refusal {
  message: string;
  problems: string[];
}

/** What to tell the person when the server refused the file or could not be asked. */
function refusalOf(t: Translate, error: unknown): Refusal {
  if (!(error instanceof ApiError) || error.status === 0) {
    return { message: t('export.import.failed', { error: describeApiError(t, error) }), problems: [] };
  }
  if (error.status === 413) return { message: t('export.import.tooLarge'), problems: [] };
  // A file that is no board at all is told so in the reader's language; a board's schema problems are listed as they are.
  const reason = IMPORT_REFUSAL_REASONS.find((known) => known === error.reason);
  if (reason) return { message: t(`export.import.refusal.${reason}`), problems: [] };
  if (error.problems.length > 0) return { message: t('export.import.invalid'), problems: [...error.problems] };
  return { message: describeApiError(t, error), problems: [] };
}

/**
 * "Import a board file": a JSON file exported from Rejse becomes a NEW board (never over an
 * existing one). The server validates it; its list of problems is shown as it is.
 */
export function ImportBoard() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setRefusal(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setRefusal({ message: t('export.import.tooLarge'), problems: [] });
      return;
    }
    setBusy(true);
    try {
      const board = await importBoard(file);
      rememberBoard({ id: board.id, title: board.title, token: board.token, role: board.role, openedAt: Date.now() });
      navigate(board.url);
    } catch (error) {
      setRefusal(refusalOf(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="import-board" aria-labelledby="import-board-heading">
      <h2 id="import-board-heading" className="section-title">
        {t('export.import.heading')}
      </h2>
      <p className="muted">{t('export.import.hint')}</p>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => void onFile(event)}
      />
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        <Icon name="up" />
        {busy ? t('export.import.busy') : t('export.import.button')}
      </button>
      {refusal ? (
        <div className="form-error" role="alert">
          <p>{refusal.message}</p>
          {refusal.problems.length > 0 ? (
            <ul className="import-board__problems">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
