import { readOpenRound, readVoteCounts, voteTargetKind, type CardKind, type OpenVoteRound } from '@rejse/shared';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '../doc/BoardContext.tsx';
import type { BoardSession } from '../doc/session.ts';

/** What every card's vote control needs from the document: the open round, else the latest totals. */
interface VoteView {
  round: OpenVoteRound | null;
  /** Votes per card from the latest closed round of each target (what the to-do list counts too). */
  totals: ReadonlyMap<string, number>;
}

const EMPTY: VoteView = { round: null, totals: new Map() };
const views = new WeakMap<BoardSession, { revision: number; key: string; view: VoteView }>();

/** Read once per document revision, and the same object while the round and the totals are unchanged. */
function voteViewOf(session: BoardSession): VoteView {
  const revision = session.getRevision();
  const cached = views.get(session);
  if (cached?.revision === revision) return cached.view;
  if (session.doc.isDestroyed) return EMPTY;
  const round = readOpenRound(session.doc);
  const totals = readVoteCounts(session.doc);
  const key = JSON.stringify([round, [...totals]]);
  const view = cached?.key === key ? cached.view : { round, totals };
  views.set(session, { revision, key, view });
  return view;
}

const VoteViewContext = createContext<VoteView>(EMPTY);

/**
 * One subscription to the document for the whole map: the cards' vote controls read the view
 * from context (no card node subscribes to a store), so thousands of cards re-render only when
 * voting itself changes, never on someone's keystroke.
 */
export function VoteViewProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const view = useSyncExternalStore(session.subscribe, () => voteViewOf(session));
  return <VoteViewContext.Provider value={view}>{children}</VoteViewContext.Provider>;
}

export const useVoteView = (): VoteView => useContext(VoteViewContext);

/** Whether a card of this kind is voted on in the round. */
export const isVotable = (round: OpenVoteRound, kind: CardKind): boolean => voteTargetKind(round.target) === kind;
