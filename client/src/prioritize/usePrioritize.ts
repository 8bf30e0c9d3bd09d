import {
  DEFAULT_PRIORITY_SETTINGS,
  rankActions,
  readPrioritySettings,
  readVoteCounts,
  setPrioritySettings,
  type ActionRow,
  type Board,
  type PrioritySettings,
  type RankBy,
  type VoteCounts,
} from '@rejse/shared';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useBoardSnapshot, useSession } from '../doc/BoardContext.tsx';
import type { BoardSession } from '../doc/session.ts';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { FACILITATION_ORIGIN } from '../facilitation/origin.ts';

const NO_VOTES: VoteCounts = new Map();

/**
 * A value read from the document (not from the plain board), re-read only when the
 * document changed (the session's revision) and kept when it reads the same.
 */
function useDocValue<T>(session: BoardSession, read: (session: BoardSession) => T, fallback: T, same: (a: T, b: T) => boolean): T {
  const cache = useRef<{ revision: number; value: T } | null>(null);
  const get = (): T => {
    const revision = session.getRevision();
    const cached = cache.current;
    if (cached?.revision === revision) return cached.value;
    const value = session.doc.isDestroyed ? fallback : read(session);
    if (cached && same(cached.value, value)) {
      cache.current = { revision, value: cached.value };
      return cached.value;
    }
    cache.current = { revision, value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, get);
}

const sameCounts = (a: VoteCounts, b: VoteCounts): boolean => {
  if (a.size !== b.size) return false;
  for (const [id, n] of a) if (b.get(id) !== n) return false;
  return true;
};

const readVotes = (session: BoardSession): VoteCounts => readVoteCounts(session.doc);
const readSettings = (session: BoardSession): PrioritySettings => readPrioritySettings(session.doc);
const sameSettings = (a: PrioritySettings, b: PrioritySettings): boolean => a.rankBy === b.rankBy && a.topN === b.topN;

/** Votes per card from the latest closed voting round on each target (none: an empty map). */
export function useVoteCounts(): VoteCounts {
  return useDocValue(useSession(), readVotes, NO_VOTES, sameCounts);
}

/** The facilitator's ranking mode and cut line, shared by everyone on the board. */
export function usePrioritySettings(): PrioritySettings {
  return useDocValue(useSession(), readSettings, DEFAULT_PRIORITY_SETTINGS, sameSettings);
}

/** Changes the shared ranking mode or cut line; only the facilitator gets a setter. */
export function usePrioritySettingsSetter(): ((patch: Partial<PrioritySettings>) => void) | null {
  const session = useSession();
  const role = useRole();
  const set = useCallback((patch: Partial<PrioritySettings>) => setPrioritySettings(session.doc, patch, FACILITATION_ORIGIN), [session]);
  return role === 'facilitator' ? set : null;
}

/** The board's ideas ranked as the facilitator chose (or as `by` says), with votes counted in. */
export function useRankedActions(by?: RankBy): {
  rows: ActionRow[];
  board: Board;
  votes: VoteCounts;
  settings: PrioritySettings;
} {
  const board = useBoardSnapshot();
  const votes = useVoteCounts();
  const settings = usePrioritySettings();
  const mode = by ?? settings.rankBy;
  const rows = useMemo(() => rankActions(board, { by: mode, votes }), [board, mode, votes]);
  return { rows, board, votes, settings };
}
