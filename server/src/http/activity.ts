import type { Hono } from 'hono';
import { activityQuerySchema, cardsMap, readPeople, stagesMap, type ActivityEntry, type ActivityResponse } from '@rejse/shared';
import type { StoredActivity } from '../storage/activity.ts';
import type { BoardStore } from '../storage/store.ts';
import { boardRole, type AuthDeps } from './auth.ts';
import { validate } from './body.ts';
import { boardNotFound } from './errors.ts';
import type { LiveBoards } from './live.ts';

export interface ActivityRoutesDeps extends AuthDeps {
  store: BoardStore;
  live: LiveBoards;
  /** Writes what the activity log still holds back for a board (it merges a person's edits for a few seconds). */
  flushActivity?: (boardId: string) => void;
}

/** Who voted in which round since `since` (votes are not document edits: they come from the vote store). */
function votesSince(store: BoardStore, boardId: string, since: number): StoredActivity[] {
  const out: StoredActivity[] = [];
  for (const round of store.votes.rounds(boardId)) {
    const at = round.closedAt ?? round.startedAt;
    if (at < since) continue;
    const perPerson = new Map<string, number>();
    for (const vote of store.votes.roundVotes(boardId, round.id))
      perPerson.set(vote.participantId, (perPerson.get(vote.participantId) ?? 0) + vote.count);
    for (const [participantId, count] of perPerson)
      out.push({ at, participantId, role: 'editor', action: 'voted', targetKind: 'round', targetId: round.id, count });
  }
  return out;
}

/**
 * "What happened since I was here": `GET /api/boards/:id/activity?since=…` (any of the board's
 * links). The browser remembers when it last looked; the server lists who added, moved,
 * edited, removed, commented and voted since, newest first, with the names people gave
 * themselves on the board and what the cards say now.
 */
export function mountActivityRoutes(app: Hono, deps: ActivityRoutesDeps): void {
  app.get('/api/boards/:id/activity', boardRole(deps, 'viewer'), validate('query', activityQuerySchema), (c) => {
    const boardId = c.req.param('id');
    const { since, limit } = c.req.valid('query');
    // The last seconds' edits too, not only what the log has written so far.
    deps.flushActivity?.(boardId);
    const stored = [...deps.store.activity.activitySince(boardId, since, limit), ...votesSince(deps.store, boardId, since)]
      .sort((a, b) => b.at - a.at)
      .slice(0, limit);
    const entries = deps.live.read(boardId, (doc) => {
      const people = readPeople(doc);
      const cards = cardsMap(doc);
      const stages = stagesMap(doc);
      return stored.map((entry): ActivityEntry => {
        const record =
          entry.targetKind === 'card' ? cards.get(entry.targetId) : entry.targetKind === 'stage' ? stages.get(entry.targetId) : undefined;
        const words = record?.get(entry.targetKind === 'card' ? 'text' : 'title');
        return {
          ...entry,
          action: entry.action as ActivityEntry['action'],
          targetKind: entry.targetKind as ActivityEntry['targetKind'],
          name: entry.participantId ? (people.get(entry.participantId) ?? null) : null,
          targetText: words === undefined || words === null ? null : String(words),
        };
      });
    });
    if (!entries) throw boardNotFound(boardId);
    return c.json({ entries, now: deps.now() } satisfies ActivityResponse);
  });
}
