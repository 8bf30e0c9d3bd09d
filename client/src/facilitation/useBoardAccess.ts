import { useEffect, useState } from 'react';
import { answerOf, type BoardAccess } from './boardAccess.ts';

/** The answer of `askBoardAccess` (boardAccess.ts) once it has come; null while asking. */
export function useBoardAccess(asked: Promise<BoardAccess>): BoardAccess | null {
  const [access, setAccess] = useState<BoardAccess | null>(() => answerOf(asked));
  useEffect(() => {
    let live = true;
    void asked.then((answer) => {
      if (live) setAccess(answer);
    });
    return () => {
      live = false;
    };
  }, [asked]);
  return access;
}
