/**
 * Fan-out between Rejse instances that serve the same boards (REDIS_URL): one Redis pub/sub
 * channel per board, as in Hocuspocus's Redis extension. An instance joins a board's
 * channel while the board is loaded, publishes what its own clients changed (after storing
 * it) and their presence, and hears the others. Pub/sub may drop messages (a reconnect, a
 * peer killed between storing and publishing): rooms heal from storage (`room-fanout.ts`),
 * never from this channel alone.
 */
import { randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../log.ts';

/** What instances tell each other about one board. */
export type PeerMessage =
  /** An update the sender stored as `seq` in the board's log; apply it and send it to your clients. */
  | { type: 'update'; update: Uint8Array; seq: number }
  /** Presence (a y-protocols awareness update) of the sender's clients. */
  | { type: 'awareness'; update: Uint8Array }
  /** A peer just joined the board: send it everyone's presence. */
  | { type: 'awareness-query' };

interface PeerHandler {
  /** A message another instance published on this board's channel. */
  receive(message: PeerMessage): void;
  /** The subscription is active (first time, and again after Redis reconnected): catch up now. */
  subscribed(): void;
}

export interface BoardChannel {
  publish(message: PeerMessage): void;
  leave(): void;
}

export interface BoardFanout {
  /** Random per process: an instance ignores its own messages. */
  readonly instanceId: string;
  join(boardId: string, handler: PeerHandler): BoardChannel;
  /** Messages published and received (for /api/health and the tests). */
  stats(): { published: number; received: number; dropped: number };
  close(): Promise<void>;
}

const CHANNEL_PREFIX = 'rejse:board:';
const TYPE_CODES = { update: 0, awareness: 1, 'awareness-query': 2 } as const;

function encodePeerMessage(instanceId: string, message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instanceId);
  encoding.writeVarUint(encoder, TYPE_CODES[message.type]);
  if (message.type === 'update') encoding.writeVarUint(encoder, message.seq);
  if (message.type !== 'awareness-query') encoding.writeVarUint8Array(encoder, message.update);
  return encoding.toUint8Array(encoder);
}

function decodePeerMessage(bytes: Uint8Array): { from: string; message: PeerMessage } {
  const decoder = decoding.createDecoder(bytes);
  const from = decoding.readVarString(decoder);
  const code = decoding.readVarUint(decoder);
  switch (code) {
    case TYPE_CODES.update: {
      const seq = decoding.readVarUint(decoder);
      return { from, message: { type: 'update', seq, update: decoding.readVarUint8Array(decoder) } };
    }
    case TYPE_CODES.awareness:
      return { from, message: { type: 'awareness', update: decoding.readVarUint8Array(decoder) } };
    case TYPE_CODES['awareness-query']:
      return { from, message: { type: 'awareness-query' } };
    default:
      throw new Error(`unknown peer message type ${code}`);
  }
}

/**
 * Connects to Redis (two connections: one subscribes, one publishes) and resolves once both
 * are ready. Publishing while Redis is unreachable drops the message instead of queueing it
 * without bound; rooms catch up from storage when the subscription is back.
 */
export async function createRedisFanout(url: string, log: Logger): Promise<BoardFanout> {
  // Loaded only when REDIS_URL is set: an instance without it never holds the client's code
  // (about 9 MiB resident with the rest of the bundle; the build keeps ioredis external).
  const { Redis } = await import('ioredis');
  const instanceId = randomBytes(8).toString('hex');
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const handlers = new Map<string, Set<PeerHandler>>();
  /** The pending or done SUBSCRIBE of each joined board (a second room of a board waits for the same one). */
  const subscriptions = new Map<string, Promise<unknown>>();
  const counts = { published: 0, received: 0, dropped: 0 };
  let closed = false;

  // Every ioredis client needs an error listener (an unhandled 'error' event ends the process).
  publisher.on('error', (error: Error) => log.warn('redis (publish) error', { cause: error.message }));
  subscriber.on('error', (error: Error) => log.warn('redis (subscribe) error', { cause: error.message }));

  const everyHandler = (boardId: string, run: (handler: PeerHandler) => void) => {
    for (const handler of [...(handlers.get(boardId) ?? [])]) {
      try {
        run(handler);
      } catch (error) {
        log.error('a peer message could not be handled', {
          board: boardId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };

  subscriber.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
    const boardId = channel.toString().slice(CHANNEL_PREFIX.length);
    let decoded: { from: string; message: PeerMessage };
    try {
      decoded = decodePeerMessage(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    } catch (error) {
      log.warn('ignored a malformed peer message', {
        board: boardId,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (decoded.from === instanceId) return;
    counts.received += 1;
    everyHandler(boardId, (handler) => handler.receive(decoded.message));
  });

  // After a reconnect ioredis subscribes again by itself; whatever was published meanwhile is
  // in storage, so every room catches up from there.
  let firstReady = true;
  subscriber.on('ready', () => {
    if (firstReady) {
      firstReady = false;
      return;
    }
    log.info('redis connection is back, catching up every shared board from storage');
    for (const boardId of handlers.keys()) everyHandler(boardId, (handler) => handler.subscribed());
  });

  await Promise.all([publisher.connect(), subscriber.connect()]);

  return {
    instanceId,
    join(boardId, handler) {
      const channel = CHANNEL_PREFIX + boardId;
      let set = handlers.get(boardId);
      if (!set) {
        set = new Set();
        handlers.set(boardId, set);
        subscriptions.set(boardId, subscriber.subscribe(channel));
      }
      set.add(handler);
      (subscriptions.get(boardId) ?? Promise.resolve()).then(
        () => {
          if (set.has(handler)) handler.subscribed();
        },
        (error: Error) =>
          log.warn('could not subscribe to a board channel (storage catch-up covers it)', {
            board: boardId,
            cause: error.message,
          }),
      );
      let left = false;
      return {
        publish(message) {
          if (left || closed) return;
          counts.published += 1;
          publisher.publish(channel, Buffer.from(encodePeerMessage(instanceId, message))).catch(() => {
            counts.dropped += 1;
          });
        },
        leave() {
          if (left) return;
          left = true;
          set.delete(handler);
          if (set.size === 0 && handlers.get(boardId) === set) {
            handlers.delete(boardId);
            subscriptions.delete(boardId);
            if (!closed) subscriber.unsubscribe(channel).catch(() => {});
          }
        },
      };
    },
    stats: () => ({ ...counts }),
    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
