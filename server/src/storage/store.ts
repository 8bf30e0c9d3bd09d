import type { ActivityStore } from './activity.ts';
import type { DocumentLog } from './documents.ts';
import type { DraftStore } from './drafts.ts';
import type { LinkStore } from './links.ts';
import type { ToneStore } from './tone.ts';
import type { SnapshotStore } from './snapshots.ts';
import type { VoteStore } from './votes.ts';

/**
 * Where boards are kept: small stores, one per kind of data, each with its own
 * contract suite (`*.contract.test.ts`) that every implementation runs. A new backend
 * (PostgreSQL, say) implements these and nothing else.
 *
 * Every method is synchronous: the sync layer relies on that to load a room before it
 * answers a message and to unload it without another connection slipping in between.
 *
 * This bundle is only what the wiring passes around; code that needs one store takes
 * that store (or `Pick<BoardStore, 'links'>`), not the bundle.
 */
export interface BoardStore {
  documents: DocumentLog;
  links: LinkStore;
  votes: VoteStore;
  drafts: DraftStore;
  /** Blind tone rounds of letters and their ratings. */
  tone: ToneStore;
  /** The version history (snapshots.ts, contract suite snapshots.contract.test.ts). */
  snapshots: SnapshotStore;
  /** Who did what, for "since I was here" (activity.ts; same contract suite). */
  activity: ActivityStore;
  /** Closes the backing connection (and releases the data directory). */
  close(): void;
}
