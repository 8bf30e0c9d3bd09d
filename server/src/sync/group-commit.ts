import type { DocumentLog } from '../storage/documents.ts';

/** A room's side of group commit. */
export interface CommitMember {
  readonly boardId: string;
  /** The updates waiting to be stored, oldest first ([] once the room has failed or closed). */
  waitingUpdates(): readonly Uint8Array[];
  /** After the batch committed: the sequence numbers the waiting updates got, in order; note them, then broadcast. */
  publishWaiting(seqs: readonly number[]): void;
  /** Storage failed for this room alone: nothing of what waited is broadcast. */
  failWaiting(error: unknown): void;
}

/**
 * Group commit: the updates every room received in one event-loop turn are appended to storage
 * in ONE transaction at the end of the turn (`setImmediate`), and only then broadcast — still
 * "stored before sent", at a fraction of the cost of a transaction per update. Whoever needs
 * the stored state to include everything applied so far (a join, a compaction, an HTTP read,
 * shutdown) calls `flush()` first.
 *
 * If the shared transaction fails, each room is retried in a transaction of its own, so a
 * board whose write fails (its own problem, or a full disk) fails alone.
 */
export class GroupCommit {
  private readonly waiting = new Set<CommitMember>();
  private scheduled = false;

  constructor(private readonly documents: Pick<DocumentLog, 'batch' | 'appendMany'>) {}

  enqueue(member: CommitMember): void {
    this.waiting.add(member);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flushScheduled);
  }

  /** Stores and broadcasts everything waiting, now. */
  flush(): void {
    if (this.waiting.size === 0) return;
    const members = [...this.waiting];
    this.waiting.clear();
    const updates = members.map((member) => member.waitingUpdates());
    const stored = new Map<CommitMember, readonly number[]>();
    try {
      const entries = members.flatMap((member, i) => (updates[i] ?? []).map((update) => ({ boardId: member.boardId, update })));
      const seqs = this.documents.batch(() => this.documents.appendMany(entries));
      let offset = 0;
      members.forEach((member, i) => {
        const count = updates[i]?.length ?? 0;
        stored.set(member, seqs.slice(offset, offset + count));
        offset += count;
      });
    } catch (error) {
      stored.clear();
      // Alone in the batch, the failure is its own (and SQLite's first error says most).
      if (members.length === 1) {
        members[0]?.failWaiting(error);
        return;
      }
      members.forEach((member, i) => {
        const entries = (updates[i] ?? []).map((update) => ({ boardId: member.boardId, update }));
        try {
          stored.set(
            member,
            this.documents.batch(() => this.documents.appendMany(entries)),
          );
        } catch (error) {
          member.failWaiting(error);
        }
      });
    }
    for (const [member, seqs] of stored) member.publishWaiting(seqs);
  }

  private readonly flushScheduled = (): void => {
    this.scheduled = false;
    this.flush();
  };
}
