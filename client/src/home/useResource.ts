import { useCallback, useEffect, useState } from 'react';

export type Resource<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: unknown };

/** Loads something once (and again on `reload`), ignoring answers that arrive after unmount. */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a module function; `attempt` re-runs it.
  useEffect(() => {
    let live = true;
    setResource({ state: 'loading' });
    load().then(
      (data) => live && setResource({ state: 'ready', data }),
      (error: unknown) => live && setResource({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [resource, reload];
}
