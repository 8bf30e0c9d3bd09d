import { SHARED_ROLES, type SharedRole } from '@rejse/shared';
import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useFacilitationContext } from './FacilitationContext.tsx';
import { readShareLinks, saveShareLinks, type ShareLinks } from './shareLinks.ts';

/**
 * The board's editor and viewer links, as this browser holds them, with "copy" and
 * "rotate" (a new link; the old one stops working and its open connections are cut).
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { boardId, api } = useFacilitationContext();
  const [links, setLinks] = useState<ShareLinks>(() => readShareLinks(boardId));
  const [busy, setBusy] = useState<SharedRole | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const rotate = async (role: SharedRole) => {
    setBusy(role);
    setMessage(null);
    try {
      const { link } = await api.rotateLink(role);
      setLinks(saveShareLinks(boardId, { [role]: link }));
      setMessage(t('facilitation.share.rotated', { role }));
    } catch (error) {
      setMessage(t('facilitation.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
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
        const link = links[role];
        const url = link ? `${window.location.origin}${link}` : '';
        return (
          <div key={role} className="share-link">
            <label className="field">
              <span className="field__label">{t(role === 'editor' ? 'facilitation.share.editor' : 'facilitation.share.viewer')}</span>
              <input className="input" readOnly value={url || t('facilitation.share.unknown')} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="workshop-form__row">
              <button type="button" className="button button--small" disabled={!url} onClick={() => void copy(url)}>
                {t('facilitation.share.copy')}
              </button>
              <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void rotate(role)}>
                {t('facilitation.share.rotate')}
              </button>
            </div>
          </div>
        );
      })}
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
    </Dialog>
  );
}
