/**
 * The downloaded report.html names the workshop's participants as the in-app Report tab does:
 * everyone who named themselves on the board, never an unnamed person's "Guest" placeholder.
 */
import { describe, expect, it, vi } from 'vitest';
import { createParticipantIdentity, readPeople, setPersonName } from '@rejse/shared';
import { boardFetch, createBoard, tokenOf, type CreatedBoard, type Role, type RunningServer } from '../helpers/server.ts';
import { stoppedAfterEach } from '../helpers/per-test.ts';

const { start, connect } = stoppedAfterEach();

function join(running: RunningServer, board: CreatedBoard, role: Role, identity: { id: string; secret: string }) {
  return connect(running, board.id, { token: tokenOf(board.links[role]), params: { participant: identity.id, secret: identity.secret } });
}

describe('report.html participants', () => {
  it('lists the named participants in the board’s order and leaves the unnamed guest out', async () => {
    const running = await start();
    const board = await createBoard(running, { template: 'collection-letters', title: 'Rykker' });
    const people = [
      { role: 'editor' as const, name: 'Birgitte' },
      { role: 'facilitator' as const, name: 'Anders' },
      // An unnamed person shows as the guest placeholder of their language.
      { role: 'editor' as const, name: 'Gäst' },
    ];
    const clients = people.map((person) => ({ person, identity: createParticipantIdentity() }));
    const connected = clients.map(({ person, identity }) => ({ person, identity, client: join(running, board, person.role, identity) }));
    await Promise.all(connected.map(({ client }) => client.synced));
    for (const { person, identity, client } of connected) setPersonName(client.doc, identity.id, person.name, 'rejse:local');
    await vi.waitFor(() => expect(readPeople(connected[0]!.client.doc).size).toBe(3), { timeout: 15_000, interval: 50 });

    await vi.waitFor(
      async () => {
        const html = await (await boardFetch(running, `/api/boards/${board.id}/report.html`)).text();
        expect(html).toContain('<p><strong>Participants:</strong> Anders, Birgitte</p>');
        expect(html).not.toContain('Gäst');
      },
      { timeout: 15_000, interval: 100 },
    );
  });
});
