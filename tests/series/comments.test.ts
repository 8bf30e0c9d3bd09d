/**
 * Comments against a real server: live for everyone, authored by the participant the server
 * knows (never a name the client claims), editors and the facilitator write, viewers read, and
 * they survive a SIGKILL like every other update.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  CLOSE,
  addComment,
  commentsMap,
  createParticipantIdentity,
  readComments,
  readPeople,
  removeComment,
  setPersonName,
} from '@rejse/shared';
import { createBoard, tokenOf, type ConnectedClient, type CreatedBoard, type Role, type RunningServer } from '../helpers/server.ts';
import { closedFor } from '../roles/util.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { clients, start, connect } = stoppedAfterEach();

function join(running: RunningServer, board: CreatedBoard, role: Role, identity?: { id: string; secret: string }): ConnectedClient {
  return connect(running, board.id, {
    token: tokenOf(board.links[role]),
    params: identity ? { participant: identity.id, secret: identity.secret } : {},
  });
}

describe('comments on a real server', () => {
  it('are live for everyone, carry the author the server knows, and survive a SIGKILL', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'collection-letters' });
    const anna = createParticipantIdentity();
    const bo = createParticipantIdentity();
    const a = join(running, board, 'editor', anna);
    const b = join(running, board, 'facilitator', bo);
    const viewer = join(running, board, 'viewer');
    await Promise.all([a.synced, b.synced, viewer.synced]);

    setPersonName(a.doc, anna.id, 'Anna', 'rejse:local');
    setPersonName(b.doc, bo.id, 'Bo', 'rejse:local');
    const cardId = [...a.doc.getMap('cards').keys()][0]!;
    const first = addComment(
      a.doc,
      anna.id,
      { target: { kind: 'card', id: cardId }, text: 'Which product is this claim about?' },
      'rejse:local',
    );
    await vi.waitFor(() => expect(commentsMap(b.doc).has(first)).toBe(true));
    addComment(
      b.doc,
      bo.id,
      {
        target: { kind: 'card', id: cardId },
        text: '@Anna the letter never says',
        mentions: [anna.id],
        replyTo: first,
      },
      'rejse:local',
    );
    await vi.waitFor(() => {
      const seen = readComments(viewer.doc);
      expect(seen.map((c) => [c.authorId, c.text])).toEqual([
        [anna.id, 'Which product is this claim about?'],
        [bo.id, '@Anna the letter never says'],
      ]);
      expect(seen[1]?.mentions).toEqual([anna.id]);
      expect(readPeople(viewer.doc)).toEqual(
        new Map([
          [anna.id, 'Anna'],
          [bo.id, 'Bo'],
        ]),
      );
    });

    // The facilitator may remove someone else's comment (moderation).
    removeComment(b.doc, first, 'rejse:local');
    await vi.waitFor(() => expect(commentsMap(a.doc).has(first)).toBe(false));

    for (const client of clients.splice(0)) client.destroy();
    const dataDir = running.dataDir;
    await running.kill('SIGKILL');
    const restarted = await start({ dataDir });
    const again = join(restarted, board, 'viewer');
    await again.synced;
    expect(readComments(again.doc).map((c) => c.text)).toEqual(['@Anna the letter never says']);
  });

  it('closes a connection that writes as someone else, has no identity, only views, or proves a borrowed id — and stores none of it', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'blank' });
    const anna = createParticipantIdentity();
    const bo = createParticipantIdentity();
    const watcher = join(running, board, 'facilitator', anna);
    await watcher.synced;
    const target = { kind: 'stage' as const, id: [...watcher.doc.getMap('stages').keys()][0]! };

    const forger = join(running, board, 'editor', bo);
    await forger.synced;
    const forgerClosed = closedFor(forger);
    addComment(forger.doc, anna.id, { target, text: 'Anna never wrote this' }, 'rejse:local');
    expect((await forgerClosed).code).toBe(CLOSE.FORBIDDEN.code);

    const anonymous = join(running, board, 'editor');
    await anonymous.synced;
    const anonymousClosed = closedFor(anonymous);
    addComment(anonymous.doc, bo.id, { target, text: 'no identity' }, 'rejse:local');
    expect((await anonymousClosed).code).toBe(CLOSE.FORBIDDEN.code);

    const viewer = join(running, board, 'viewer', createParticipantIdentity());
    await viewer.synced;
    const viewerClosed = closedFor(viewer);
    addComment(viewer.doc, createParticipantIdentity().id, { target, text: 'viewers read' }, 'rejse:local');
    expect((await viewerClosed).code).toBe(CLOSE.FORBIDDEN.code);

    // Bo's id with another secret: refused when connecting.
    const borrowed = join(running, board, 'editor', { id: bo.id, secret: createParticipantIdentity().secret });
    expect((await closedFor(borrowed)).code).toBe(CLOSE.FORBIDDEN.code);

    const late = join(running, board, 'viewer');
    await late.synced;
    expect(commentsMap(late.doc).size).toBe(0);
    expect(commentsMap(watcher.doc).size).toBe(0);
  });
});
