import { useEffect, useState } from 'react';

/**
 * A choice bound to the document (a checkbox, a radio group): `[shown, choose]`. The board
 * re-renders on the next animation frame after a write, so a control showing the document's
 * value would flip back for that frame (and Playwright's `check()` finds it unchanged):
 * `shown` is the new choice at once. It gives way to the document a frame later, after the
 * board has re-rendered with the write (the session's frame was asked for first): the choice
 * itself if the document took it, the value before if a lock or role refused it. Whatever
 * anyone else writes is shown as it comes.
 */
export function useDocChoice<T>(value: T, write: (next: T) => void): readonly [shown: T, choose: (next: T) => void] {
  const [pending, setPending] = useState<{ chosen: T } | null>(null);
  useEffect(() => {
    if (pending === null) return;
    const frame = requestAnimationFrame(() => setPending(null));
    return () => cancelAnimationFrame(frame);
  }, [pending]);
  const choose = (next: T) => {
    setPending({ chosen: next });
    write(next);
  };
  return [pending === null ? value : pending.chosen, choose];
}
