import type { DocumentLog } from '../storage/documents.ts';

/** A room's side of group commit. */
export interface CommitMember {
  /** Writes the room's waiting updates (inside the batch) and returns the last sequence number. Throws when storage fails. */
  writeWaiting(): number;
  /** After the batch committed: note what is stored, then broadcast it. */
  publishWaiting(lastSeq: number): void;
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

  constructor(private readonly documents: Pick<DocumentLog, 'batch'>) {}

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
    const stored = new Map<CommitMember, number>();
    try {
      this.documents.batch(() => {
        for (const member of members) stored.set(member, member.writeWaiting());
      });
    } catch (error) {
      stored.clear();
      // Alone in the batch, the failure is its own (and SQLite's first error says most).
      if (members.length === 1) {
        members[0]?.failWaiting(error);
        return;
      }
      for (const member of members) {
        try {
          stored.set(
            member,
            this.documents.batch(() => member.writeWaiting()),
          );
        } catch (error) {
          member.failWaiting(error);
        }
      }
    }
    for (const [member, lastSeq] of stored) member.publishWaiting(lastSeq);
  }

  private readonly flushScheduled = (): void => {
    this.scheduled = false;
    this.flush();
  };
}
