/** Helpers for the role tests: clients per role, waiting for a close, participant identities. */
import { createParticipantIdentity, PARTICIPANT_HEADER, PARTICIPANT_SECRET_HEADER } from '@rejse/shared';
import { connectClient, tokenOf, type ConnectedClient, type CreatedBoard, type Role, type RunningServer } from '../helpers/server.ts';

const clients: ConnectedClient[] = [];

/** A stock client on `board` holding the link of `role`; destroyed by `destroyClients`. */
export function connectAs(server: RunningServer, board: CreatedBoard, role: Role): ConnectedClient {
  const client = connectClient(server, board.id, { token: tokenOf(board.links[role]) });
  clients.push(client);
  return client;
}

/** A stock client with exactly this token (or none). */
export function connectWithToken(server: RunningServer, boardId: string, token: string | null): ConnectedClient {
  const client = connectClient(server, boardId, { token });
  clients.push(client);
  return client;
}

export function destroyClients(): void {
  for (const client of clients.splice(0)) client.destroy();
}

/** Resolves with the code and reason when the server ends the client's connection for good (4400–4499). */
export function closedFor(client: ConnectedClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.provider.once('closed', (event) => resolve(event)));
}

export interface Participant {
  id: string;
  secret: string;
  headers: Record<string, string>;
}

export function createParticipant(): Participant {
  const { id, secret } = createParticipantIdentity();
  return { id, secret, headers: { [PARTICIPANT_HEADER]: id, [PARTICIPANT_SECRET_HEADER]: secret } };
}
