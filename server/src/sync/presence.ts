import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { CLOSE } from '@rejse/shared';
import { presenceMatchesRole } from './access.ts';
import type { Connection } from './connection.ts';
import { MalformedFrameError, encodeAwareness } from './messages.ts';
import { TokenBucket } from './rate.ts';
import { LimitExceededError, type RoomLimits } from './room-limits.ts';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text ("null" removes the client's presence). */
  json: string;
  /** Encoded size of the JSON text. */
  bytes: number;
}

/** Reads a whole awareness update before any of it is applied (the y-protocols reader applies as it goes). */
function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    // Every entry takes at least three bytes: a count past that is a lie, not a reason to loop.
    if (count > update.length) throw new Error(`${count} entries in ${update.length} bytes`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const start = decoder.pos;
      const json = decoding.readVarString(decoder);
      JSON.parse(json);
      entries.push({ clientId, clock, json, bytes: decoder.pos - start });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
    return entries;
  } catch (error) {
    throw new MalformedFrameError(`invalid awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

export type PresenceLimits = Pick<RoomLimits, 'awarenessRate' | 'awarenessStateBytes' | 'awarenessIdsPerConnection'>;

/**
 * A room's presence (Yjs awareness: cursors, selections, names): relayed between the
 * room's connections, never stored. Each client id is spoken for by one connection (the
 * first to use it) and is removed for everyone when that connection closes; each
 * connection's own presence updates are rate limited.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each presence client id (set on first use, released when it closes). */
  private readonly owners = new Map<number, Connection>();
  private readonly rates = new WeakMap<Connection, TokenBucket>();
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    /** The room's connections: every presence change is sent to all of them. */
    private readonly connections: ReadonlySet<Connection>,
    private readonly limits: PresenceLimits,
    private readonly now: () => number,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own; only clients' states are relayed.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Starts counting a new connection's presence and sends it everyone's current presence. */
  add(conn: Connection): void {
    this.rates.set(conn, new TokenBucket(this.limits.awarenessRate, this.now));
    if (this.awareness.getStates().size > 0) conn.send(this.encodeAll());
  }

  /** Releases a closed connection's client ids and tells the others its presence is gone. */
  remove(conn: Connection): void {
    const ids = [...conn.awarenessIds];
    for (const id of ids) {
      if (this.owners.get(id) === conn) this.owners.delete(id);
    }
    conn.awarenessIds.clear();
    if (this.destroyed) return;
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Everyone's presence as one awareness frame (the answer to a query, and what a new connection gets). */
  encodeAll(): Uint8Array {
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /**
   * Applies the part of a presence update that is this connection's to give: entries for
   * client ids it speaks for (claimed on first use, up to `awarenessIdsPerConnection`).
   * Entries for other connections' ids are dropped without counting — the stock client
   * echoes every presence change it receives back to the server.
   */
  apply(conn: Connection, update: Uint8Array): void {
    const entries = parseAwarenessUpdate(update);
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      // Presence may not claim another role than the connection's link grants (dropped, not closed).
      if (!presenceMatchesRole(entry.json, conn.access)) continue;
      const owner = this.owners.get(entry.clientId);
      if (owner !== conn) {
        if (owner && !owner.closed) continue;
        // An echo or a replay changes nothing, so it claims nothing (else a stock client's echo
        // of a closing connection's presence would take it over, and it would never be removed).
        const known = this.awareness.meta.get(entry.clientId);
        if (known && entry.clock <= known.clock) continue;
        if (conn.awarenessIds.size >= this.limits.awarenessIdsPerConnection) continue;
        owner?.awarenessIds.delete(entry.clientId);
        this.owners.set(entry.clientId, conn);
        conn.awarenessIds.add(entry.clientId);
      }
      if (entry.bytes > this.limits.awarenessStateBytes) {
        throw new LimitExceededError(CLOSE.MESSAGE_TOO_BIG, `presence state of ${entry.bytes} bytes`);
      }
      own.push(entry);
    }
    if (own.length === 0) return;
    if (this.rates.get(conn)?.take() === false) {
      throw new LimitExceededError(CLOSE.RATE_LIMITED, 'presence updates per second');
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
  }

  /** Frees the awareness and its renewal timer. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    // Ownership of ids is settled before applying (apply) and released when the connection
    // closes; a removed state keeps its owner, who may set it again.
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    // Sent to everyone, the sender too: the stock client counts its own echoed renewal as
    // a sign of life and reconnects after 30 s without any message.
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) conn.send(frame);
  };
}
