import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket wire format, as the stock `WebsocketProvider` speaks it. Every frame is
 * binary: a varUint message type, then the message.
 *
 *   0 sync       varUint subtype (0 step1 | 1 step2 | 2 update), varUint8Array payload
 *   1 awareness  varUint8Array awareness update
 *   2 auth       sent by servers only; a client's is ignored
 *   3 query      ask for every awareness state
 */
export const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** A frame that does not follow the format; the connection that sent it is closed. */
export class MalformedFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFrameError';
  }
}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array; step: 'step2' | 'update' }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new MalformedFrameError(`truncated ${what}`);
  }
}

/** A length-prefixed byte array, checked against the frame's end (never reads past it). */
function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = readVarUint(decoder, `${what} length`);
  const remaining = decoder.arr.length - decoder.pos;
  if (length > remaining) throw new MalformedFrameError(`${what} is ${length} bytes but the frame has ${remaining} left`);
  const payload = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return payload;
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw new MalformedFrameError(`unexpected bytes after ${what}`);
}

/**
 * Decodes one frame from a client. Throws MalformedFrameError for anything the stock
 * client would never send: unknown types, truncated lengths, trailing bytes.
 * Payloads are views into `frame`; the Yjs and awareness decoders validate their insides.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw new MalformedFrameError('empty frame');
  const decoder = decoding.createDecoder(frame);
  const type = readVarUint(decoder, 'message type');
  switch (type) {
    case MESSAGE_SYNC: {
      const subtype = readVarUint(decoder, 'sync message type');
      const payload = readPayload(decoder, 'sync payload');
      expectEnd(decoder, 'the sync message');
      if (subtype === SYNC_STEP1) return { type: 'sync-step1', stateVector: payload };
      if (subtype === SYNC_STEP2) return { type: 'sync-update', update: payload, step: 'step2' };
      if (subtype === SYNC_UPDATE) return { type: 'sync-update', update: payload, step: 'update' };
      throw new MalformedFrameError(`unknown sync message type ${subtype}`);
    }
    case MESSAGE_AWARENESS: {
      const update = readPayload(decoder, 'awareness update');
      expectEnd(decoder, 'the awareness update');
      return { type: 'awareness', update };
    }
    case MESSAGE_QUERY_AWARENESS:
      expectEnd(decoder, 'the awareness query');
      return { type: 'query-awareness' };
    case MESSAGE_AUTH:
      // Only servers send auth messages; a client's carries nothing we use, so it is ignored whole.
      return { type: 'auth' };
    default:
      throw new MalformedFrameError(`unknown message type ${type}`);
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeSyncUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
