import { Component, useSyncExternalStore, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/**
 * A part of the app that loads later (React.lazy, a dynamic import()) fails to load once the
 * server runs a newer build: its hashed file is gone. The page then says a new version is
 * there, with a Reload button, and everything that did load keeps working. It never reloads
 * by itself (a reload that fails again would loop).
 */
let available = false;
const listeners = new Set<() => void>();
const failedLoads = new WeakSet<object>();

function flag(): void {
  if (available) return;
  available = true;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Notes Vite's failed preloads and imports (window's `vite:preloadError`); called once, on mount. */
export function watchFailedLoads(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (payload && typeof payload === 'object') failedLoads.add(payload);
    flag();
  });
}

// Chromium, Firefox and Safari's words for a module that would not load, and Vite's for a style.
const LOAD_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script/i;

function isLoadFailure(error: unknown): boolean {
  if (error && typeof error === 'object' && failedLoads.has(error)) return true;
  return error instanceof Error && LOAD_FAILURE.test(error.message);
}

/** The message and its Reload button, shown over the page once a part failed to load. */
export function NewVersionNotice() {
  const t = useT();
  const shown = useSyncExternalStore(subscribe, () => available);
  if (!shown) return null;
  return (
    <div className="new-version" role="alert">
      <div className="new-version__text">
        <strong>{t('board.reload.title')}</strong>
        <span>{t('board.reload.body')}</span>
      </div>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}

function FailedPart() {
  const t = useT();
  return <p className="new-version-part">{t('board.reload.title')}</p>;
}

/**
 * Wraps a lazily loaded part: when its code fails to load, the part says so in its place (or
 * shows `fallback`) and the page shows NewVersionNotice, instead of React unmounting the whole
 * page. Any other error goes on to the boundary above, as before.
 */
export class LazyBoundary extends Component<{ children: ReactNode; fallback?: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    if (isLoadFailure(error)) flag();
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!isLoadFailure(error)) throw error;
    return this.props.fallback === undefined ? <FailedPart /> : this.props.fallback;
  }
}
