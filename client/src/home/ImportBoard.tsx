import { useRef, useState, type ChangeEvent } from 'react';
import { rememberBoard } from '../routing/knownBoards.ts';
import { navigate } from '../routing/router.tsx';
import { saveShareLinks } from '../facilitation/shareLinks.ts';
import { useT } from '../i18n/index.ts';
import { Icon } from '../ui/icons.tsx';
import './import.css';

/** The server's import limit (SERVER_LIMITS.httpImportBodyBytes): checked here first to say so at once. */
const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

interface Refusal {
  message: string;
  problems: string[];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

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
      const response = await fetch('/api/boards/import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: await file.arrayBuffer(),
      });
      const body = asRecord(await response.json().catch(() => null));
      if (!response.ok) {
        const problems = Array.isArray(body.problems) ? body.problems.filter((p): p is string => typeof p === 'string') : [];
        setRefusal({
          message: response.status === 413 ? t('export.import.tooLarge') : problems.length ? t('export.import.invalid') : asString(body.error) || t('error.status', { status: response.status }),
          problems,
        });
        setBusy(false);
        return;
      }
      const id = asString(body.id);
      const links = asRecord(body.links);
      rememberBoard({
        id,
        title: asString(body.title),
        token: asString(body.token) || null,
        role: asString(body.role) || null,
        openedAt: Date.now(),
      });
      saveShareLinks(id, {
        ...(asString(links.editor) ? { editor: asString(links.editor) } : {}),
        ...(asString(links.viewer) ? { viewer: asString(links.viewer) } : {}),
      });
      navigate(asString(body.url) || `/b/${encodeURIComponent(id)}`);
    } catch (error) {
      setRefusal({ message: t('export.import.failed', { error: error instanceof Error ? error.message : String(error) }), problems: [] });
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
