import { describe, expect, it } from 'vitest';
import { SERVER_ORIGIN, addComment, createParticipantIdentity, docToBoard, setPersonName } from '@rejse/shared';
import { silentLogger } from '../log.ts';
import { createMemoryStore } from '../storage/memory-store.ts';
import { DraftRooms } from '../sync/drafts.ts';
import { createLiveBoards } from '../sync/live-boards.ts';
import { RoomManager } from '../sync/rooms.ts';
import { createApp } from './app.ts';

describe('the report’s comments appendix', () => {
  it('lists the threads by card, escaped, only when asked for', async () => {
    const store = createMemoryStore();
    const rooms = new RoomManager(store.documents, {
      compactAfterUpdates: 500,
      touchIntervalMs: 1000,
      log: silentLogger,
    });
    const live = createLiveBoards({
      rooms,
      store,
      drafts: new DraftRooms(store, silentLogger),
      sync: () => null,
      log: silentLogger,
    });
    const app = createApp({ store, boards: rooms, live, log: silentLogger });
    const created = await app.request('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'collection-letters' }),
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    const anna = createParticipantIdentity().id;
    const card = live.read(id, (doc) => docToBoard(doc, id).cards[0]!)!;
    live.edit(id, (doc) => {
      setPersonName(doc, anna, 'Anna <b>', SERVER_ORIGIN);
      addComment(doc, anna, { target: { kind: 'card', id: card.id }, text: 'Is <script>this</script> clear?' }, SERVER_ORIGIN);
    });
    const get = async (query: string) =>
      (await app.request(`/api/boards/${id}/report.html${query}`, { headers: { authorization: `Bearer ${token}` } })).text();
    const withComments = await get('?comments=1');
    expect(withComments).toContain('Appendix: comments');
    expect(withComments).toContain('Is &lt;script&gt;this&lt;/script&gt; clear?');
    expect(withComments).toContain('Anna &lt;b&gt;');
    expect(withComments).not.toContain('<script>');
    expect(await get('')).not.toContain('Appendix: comments');
  });
});
