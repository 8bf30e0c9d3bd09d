import { useEffect, useState } from 'react';

/**
 * What the server answers to `load`, asked at once and then every `everyMs` while the component
 * is mounted (facilitator figures the document does not carry: private-card counts, vote
 * progress). A failed ask keeps the last answer; the next one tries again. `load` is the
 * dependency: give a stable function (useCallback) and a new one starts over.
 */
export function usePolled<T>(load: () => Promise<T>, everyMs: number): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      load().then(
        (value) => live && setAnswer(value),
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, everyMs]);
  return answer;
}
