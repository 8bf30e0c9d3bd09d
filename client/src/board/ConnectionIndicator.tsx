import { useT, type MessageKey } from '../i18n/index.ts';
import type { ConnectionState } from '../doc/connection.ts';
import { useSessionStatus } from '../doc/BoardContext.tsx';

const LABELS: Record<ConnectionState, MessageKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  'not-found': 'connection.notFound',
  reload: 'connection.reload',
  denied: 'connection.denied',
  refused: 'connection.refused',
};

/** Always visible: whether edits are reaching the server right now. */
export function ConnectionIndicator() {
  const t = useT();
  const { connection } = useSessionStatus();
  return (
    <div
      className={`connection connection--${connection}`}
      role="status"
      aria-live="polite"
      aria-label={t('connection.label')}
      data-state={connection}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{t(LABELS[connection])}</span>
    </div>
  );
}
