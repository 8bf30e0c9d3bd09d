import { SHARED_ROLES, type SharedRole, type ShownLinksResponse } from '@rejse/shared';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useFacilitationContext } from './FacilitationContext.tsx';

type Shown = ShownLinksResponse;

const REFRESH_MS = 5_000;

/**
 * The board's editor and viewer links, as the server shows them again to the facilitator (on
 * any device: they are kept sealed for the facilitator's link, see server/src/auth/sealed-links.ts),
 * with "copy" and "new link". A new link cuts off everyone on the old one, so it asks first and
 * says how many are connected with that link right now.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { api } = useFacilitationContext();
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirming, setConfirming] = useState<{ role: SharedRole; connected: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const failed = useCallback(
    (error: unknown) => setMessage(t('facilitation.failed', { error: error instanceof Error ? error.message : String(error) })),
    [t],
  );

  // Loaded on open, then the counts kept fresh while the dialog stays open (people join as links go out).
  useEffect(() => {
    let live = true;
    const load = () =>
      api.shownLinks().then(
        (answer) => live && setShown(answer),
        (error: unknown) => live && failed(error),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, failed]);

  // Asks with the count as it is now, not as it was when the dialog opened.
  const ask = async (role: SharedRole) => {
    setBusy(true);
    setMessage(null);
    try {
      const fresh = await api.shownLinks();
      setShown(fresh);
      setConfirming({ role, connected: fresh.connections[role] });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const rotate = async (role: SharedRole) => {
    setConfirming(null);
    setBusy(true);
    try {
      const { closedConnections } = await api.rotateLink(role);
      setShown(await api.shownLinks());
      setMessage(t('sharedrag.share.rotated', { role, count: closedConnections }));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('facilitation.share.copied'));
    } catch {
      setMessage(t('facilitation.share.copyFailed'));
    }
  };

  return (
    <Dialog
      title={t('facilitation.share.title')}
      onClose={onClose}
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('facilitation.share.done')}
        </button>
      }
    >
      <p className="muted">{t('facilitation.share.intro')}</p>
      {SHARED_ROLES.map((role) => {
        const link = shown?.links[role] ?? null;
        const url = link ? `${window.location.origin}${link}` : '';
        const placeholder = shown ? t('sharedrag.share.notShown') : t('sharedrag.share.loading');
        return (
          <div key={role} className="share-link" data-share-role={role}>
            <label className="field">
              <span className="field__label">{t(role === 'editor' ? 'facilitation.share.editor' : 'facilitation.share.viewer')}</span>
              <input className="input" readOnly value={url || placeholder} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="workshop-form__row">
              <button type="button" className="button button--small" disabled={!url} onClick={() => void copy(url)}>
                {t('facilitation.share.copy')}
              </button>
              <button type="button" className="button button--small" disabled={busy || !shown} onClick={() => void ask(role)}>
                {t('facilitation.share.rotate')}
              </button>
              {shown ? (
                <span className="muted share-link__connected">{t('sharedrag.share.connected', { count: shown.connections[role] })}</span>
              ) : null}
            </div>
          </div>
        );
      })}
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
      {confirming ? (
        <Dialog
          title={t('sharedrag.share.confirmTitle', { role: confirming.role })}
          onClose={() => setConfirming(null)}
          actions={
            <>
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(null)}>
                {t('sharedrag.share.cancel')}
              </button>
              <button type="button" className="button button--danger" onClick={() => void rotate(confirming.role)}>
                {t('sharedrag.share.confirm')}
              </button>
            </>
          }
        >
          <p data-testid="rotate-warning">{t('sharedrag.share.confirmBody', { role: confirming.role, count: confirming.connected })}</p>
        </Dialog>
      ) : null}
    </Dialog>
  );
}
