import type { SummonValue } from '@rejse/shared';
import { useEffect, useRef } from 'react';
import { t } from '../i18n/index.ts';
import { following, useMoveView } from '../presence/follow.ts';
import { useBoardUiStore } from '../doc/BoardContext.tsx';

/**
 * Moves this view once for every new summon (a new nonce) from the facilitator. The summon
 * already in the document when the page opens is not obeyed: it is old news.
 */
export function useSummon(summon: SummonValue | null, isFacilitator: boolean): void {
  const uiStore = useBoardUiStore();
  const move = useMoveView();
  const seen = useRef<string | null | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new nonce moves the view; `move` is rebuilt each render and the rest is read as it is then.
  useEffect(() => {
    const nonce = summon?.nonce ?? null;
    if (seen.current === undefined) {
      seen.current = nonce;
      return;
    }
    if (nonce === seen.current || !summon) return;
    seen.current = nonce;
    if (isFacilitator) return;
    following.set(null);
    move(summon);
    uiStore.getState().notify(t('facilitation.summon.received'));
  }, [summon?.nonce]);
}
