import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  NO_SETTINGS,
  SERVER_ORIGIN,
  cardsMap,
  docToBoard,
  readFacilitation,
  readRunSheet,
  readRunState,
  writeRunSheet,
  type RunSheetAnswer,
  type SnapshotList,
} from '@rejse/shared';
import { createBoardVia, createTestApp } from './test-app.ts';

const MIN = 60_000;

function setup() {
  let clock = Date.parse('2026-03-01T09:00:00Z');
  const now = () => clock;
  const { app, live, store } = createTestApp({ now, history: { retention: 100, autoIntervalMs: 30 * MIN, now } });
  return { app, live, store, advance: (ms: number) => (clock += ms) };
}

describe('the run-sheet over HTTP', () => {
  it('drives a two-phase session: private ideas, then a vote; each phase switches its settings on and off', async () => {
    const { app, live, store, advance } = setup();
    const { id, token } = await createBoardVia(app, { template: 'collection-letters' });
    const post = (path: string, body?: unknown) =>
      app.request(`/api/boards/${id}/runsheet/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // Every board starts with the four-session default; the facilitator plans a short one of their own.
    expect(live.read(id, (doc) => readRunSheet(doc).sessions.length)).toBe(4);
    live.edit(id, (doc) =>
      writeRunSheet(
        doc,
        {
          sessions: [
            {
              id: 'se_short',
              name: 'Short session',
              phases: [
                {
                  id: 'ph_private',
                  name: 'Ideas alone',
                  durationMs: 5 * MIN,
                  instructions: 'Write ideas',
                  settings: { ...NO_SETTINGS, privateMode: true, lockStructure: true },
                },
                {
                  id: 'ph_vote',
                  name: 'Vote',
                  durationMs: 3 * MIN,
                  instructions: 'Vote',
                  settings: {
                    ...NO_SETTINGS,
                    voting: { target: 'ideas', votesPerPerson: 2, allowMultiplePerCard: false },
                  },
                },
              ],
            },
          ],
        },
        SERVER_ORIGIN,
      ),
    );

    expect((await post('next')).status).toBe(409);
    const started = await post('start', { sessionId: 'se_short' });
    expect(started.status).toBe(200);
    let facilitation = live.read(id, readFacilitation)!;
    expect(facilitation).toMatchObject({
      privateMode: true,
      locks: { structure: true, board: false },
      openRound: null,
    });
    expect(facilitation.timer).toMatchObject({ state: 'running', durationMs: 5 * MIN });

    // A participant's private draft, revealed when the private phase ends.
    const draft = new Y.Doc();
    const stage = live.read(id, (doc) => docToBoard(doc, id).stages[0]!.id)!;
    const lane = live.read(id, (doc) => docToBoard(doc, id).lanes[0]!.id)!;
    const card = new Y.Map<unknown>();
    draft.transact(() => {
      card.set('kind', 'idea');
      card.set('text', 'Say which product the claim is about');
      card.set('cell', { stageId: stage, laneId: lane, order: 1 });
      cardsMap(draft).set('c_draft0000001', card);
    });
    store.drafts.save(id, 'p'.repeat(16), Y.encodeStateAsUpdate(draft), 1);

    advance(7 * MIN); // two minutes over
    const second = (await (await post('next')).json()) as RunSheetAnswer;
    expect(second.revealed).toBe(1);
    expect(second.snapshot).toMatchObject({ kind: 'phase', name: 'Short session · Ideas alone' });
    expect(second.running).toMatchObject({ phaseIndex: 1, done: [{ phaseId: 'ph_private' }] });
    facilitation = live.read(id, readFacilitation)!;
    expect(facilitation).toMatchObject({
      privateMode: false,
      locks: { structure: false },
      openRound: { target: 'ideas', votesPerPerson: 2 },
    });
    expect(live.read(id, (doc) => docToBoard(doc, id).cards.some((c) => c.text === 'Say which product the claim is about'))).toBe(true);

    advance(3 * MIN);
    const ended = (await (await post('next')).json()) as RunSheetAnswer;
    expect(ended.running).toBeNull();
    expect(ended.report).toBe(`/api/boards/${id}/report.html?comments=1`);
    expect(ended.snapshot).toMatchObject({ kind: 'session', name: 'Short session (2026-03-01)' });
    facilitation = live.read(id, readFacilitation)!;
    expect(facilitation.openRound).toBeNull();
    expect(facilitation.rounds).toHaveLength(1);
    expect(facilitation.timer.state).toBe('stopped');
    expect(live.read(id, readRunState)).toBeNull();
    const history = (await (
      await app.request(`/api/boards/${id}/snapshots`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as SnapshotList;
    expect(history.snapshots.map((s) => s.kind)).toEqual(['phase', 'phase', 'session']);
    expect((await post('end')).status).toBe(409);
    expect((await post('start', { sessionId: 'se_nope' })).status).toBe(409);
  });
});
