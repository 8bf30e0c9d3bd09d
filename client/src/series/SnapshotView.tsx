import type { Board } from '@rejse/shared';
import { useT } from '../i18n/index.ts';

/** A saved version, read-only: its stages with their cards (nothing here can change the board). */
export function SnapshotView({ board, onClose }: { board: Board; onClose: () => void }) {
  const t = useT();
  return (
    <section className="snapshot-view" aria-label={t('series.history.viewing', { title: board.title })}>
      <header className="snapshot-view__head">
        <h3>{t('series.history.viewing', { title: board.title })}</h3>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('series.history.closeView')}
        </button>
      </header>
      <div className="snapshot-view__stages">
        {board.stages.map((stage) => (
          <div key={stage.id} className="snapshot-view__stage">
            <h4>{stage.title}</h4>
            <ul>
              {board.cards
                .filter((card) => card.stageId === stage.id)
                .map((card) => (
                  <li key={card.id} className={`snapshot-card snapshot-card--${card.kind}`}>
                    {card.text || t('card.empty')}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
