import type * as Y from 'yjs';
import { CARDS, COMMENTS, LANES, STAGES, locateType, type ActivityAction } from '@rejse/shared';
import type { Logger } from '../log.ts';
import type { ActivityStore, StoredActivity } from '../storage/activity.ts';
import { Connection } from './connection.ts';
import type { Room } from './room.ts';

export interface ActivityOptions {
  /** Entries kept per board. */
  keep: number;
  /** Edits of one person to one thing within this time are one entry (and are written together). */
  coalesceMs: number;
  now?: () => number;
}

export interface ActivityLog {
  watch(room: Room): void;
  /** Writes what is waiting (shutdown, tests). */
  flush(): void;
  /** Writes what is waiting for one board (before its activity is read, so a reader sees the last seconds too). */
  flushBoard(boardId: string): void;
  stop(): void;
}

type Found = { action: ActivityAction; targetKind: StoredActivity['targetKind']; targetId: string };

const AXIS_KINDS: Readonly<Record<string, 'stage' | 'lane'>> = { [STAGES]: 'stage', [LANES]: 'lane' };

/** Root name and key path of a type inside the document (null for a type inside a list). */
function pathOf(type: Y.AbstractType<unknown>): { root: string; keys: string[] } | null {
  const found = locateType(type);
  if (!found || found.keys.includes(null)) return null;
  return { root: found.root, keys: found.keys as string[] };
}

/** What a transaction did, in words a person would use (who added, moved, edited, commented…). */
function describeTransaction(doc: Y.Doc, changed: Y.Transaction['changed']): Found[] {
  const found = new Map<string, Found>();
  const note = (f: Found) => found.set(`${f.action}|${f.targetKind}|${f.targetId}`, f);
  for (const [type, keys] of changed) {
    const path = pathOf(type as Y.AbstractType<unknown>);
    if (!path) continue;
    const { root } = path;
    if (path.keys.length === 0) {
      // Records added or removed.
      for (const key of keys) {
        if (key === null) continue;
        const present = doc.getMap(root).has(key);
        if (root === CARDS) note({ action: present ? 'added' : 'removed', targetKind: 'card', targetId: key });
        else if (AXIS_KINDS[root]) note({ action: present ? 'added' : 'removed', targetKind: AXIS_KINDS[root], targetId: key });
        else if (root === COMMENTS && present) {
          const target = (doc.getMap(root).get(key) as Y.Map<unknown> | undefined)?.get('target') as
            | { kind?: string; id?: string }
            | undefined;
          const kind = target?.kind === 'stage' ? 'stage' : 'card';
          note({ action: 'commented', targetKind: kind, targetId: typeof target?.id === 'string' ? target.id : key });
        }
      }
      continue;
    }
    const recordId = path.keys[0]!;
    const fields = path.keys.length === 1 ? [...keys].filter((k): k is string => k !== null) : [path.keys[1]!];
    if (root === CARDS) {
      if (fields.includes('cell')) note({ action: 'moved', targetKind: 'card', targetId: recordId });
      if (fields.some((f) => f !== 'cell')) note({ action: 'edited', targetKind: 'card', targetId: recordId });
    } else if (AXIS_KINDS[root]) {
      note({
        action: fields.includes('removed') ? 'removed' : 'edited',
        targetKind: AXIS_KINDS[root],
        targetId: recordId,
      });
    } else if (root === COMMENTS && fields.includes('resolved')) {
      note({ action: 'resolved', targetKind: 'comment', targetId: recordId });
    }
  }
  return [...found.values()];
}

/**
 * The activity log: who added, moved, edited, removed, commented on what. Read from each
 * transaction a client's update made (after it was applied and stored), coalesced per
 * person, action and thing for `coalesceMs`, then written in one storage transaction. What
 * waits in memory (at most `coalesceMs`) is lost on a crash; the board itself never is.
 */
export function createActivityLog(deps: { store: ActivityStore; log: Logger }, options: ActivityOptions): ActivityLog {
  const now = options.now ?? Date.now;
  const pending = new Map<string, Map<string, StoredActivity>>();

  const flushBoard = (boardId: string): void => {
    const entries = pending.get(boardId);
    if (!entries || entries.size === 0) return;
    pending.delete(boardId);
    try {
      deps.store.appendActivity(boardId, [...entries.values()], options.keep);
    } catch (error) {
      deps.log.warn('could not write the activity log', { board: boardId, error });
    }
  };
  const flush = (): void => {
    for (const boardId of [...pending.keys()]) flushBoard(boardId);
  };
  const timer = setInterval(flush, options.coalesceMs);
  timer.unref();

  return {
    watch(room) {
      const boardId = room.boardId;
      room.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        const origin = transaction.origin;
        if (!(origin instanceof Connection) || transaction.changed.size === 0) return;
        const at = now();
        let entries = pending.get(boardId);
        if (!entries) {
          entries = new Map();
          pending.set(boardId, entries);
        }
        for (const found of describeTransaction(room.doc, transaction.changed)) {
          const participantId = origin.access.participantId ?? null;
          const key = `${participantId}|${origin.access.role}|${found.action}|${found.targetKind}|${found.targetId}`;
          const entry = entries.get(key);
          if (entry) {
            entry.count += 1;
            entry.at = at;
          } else entries.set(key, { at, participantId, role: origin.access.role, ...found, count: 1 });
        }
      });
      room.doc.on('destroy', () => flushBoard(boardId));
    },
    flush,
    flushBoard,
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}
