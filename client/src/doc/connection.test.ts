import { CLOSE } from '@rejse/shared';
import { describe, expect, it } from 'vitest';
import { connectionState, isFatalClose, wsBaseFor, type ConnectionFacts } from './connection.ts';

const facts = (patch: Partial<ConnectionFacts> = {}): ConnectionFacts => ({
  synced: false,
  everSynced: false,
  online: true,
  fatalCode: null,
  ...patch,
});

describe('connection state', () => {
  it('is connecting before the first sync, connected once synced, reconnecting after losing it', () => {
    expect(connectionState(facts())).toBe('connecting');
    expect(connectionState(facts({ synced: true, everSynced: true }))).toBe('connected');
    expect(connectionState(facts({ synced: false, everSynced: true }))).toBe('reconnecting');
  });

  it('says offline whenever the browser has no network, even if the socket has not noticed yet', () => {
    expect(connectionState(facts({ online: false, synced: true, everSynced: true }))).toBe('offline');
    expect(connectionState(facts({ online: false }))).toBe('offline');
  });

  it('names the fatal close codes: unknown board, version mismatch, no access, a refused edit', () => {
    expect(connectionState(facts({ fatalCode: CLOSE.UNKNOWN_BOARD.code }))).toBe('not-found');
    expect(connectionState(facts({ fatalCode: CLOSE.PROTOCOL_MISMATCH.code, everSynced: true }))).toBe('reload');
    expect(connectionState(facts({ fatalCode: CLOSE.FORBIDDEN.code, everSynced: true }))).toBe('refused');
    expect(connectionState(facts({ fatalCode: CLOSE.BOARD_TOO_LARGE.code, everSynced: true }))).toBe('refused');
    expect(isFatalClose(CLOSE.BOARD_TOO_LARGE.code)).toBe(true);
    expect(connectionState(facts({ fatalCode: CLOSE.UNAUTHORIZED.code, online: false }))).toBe('denied');
  });

  it('keeps reconnecting after a slow-consumer or server-error close', () => {
    expect(isFatalClose(CLOSE.SLOW_CONSUMER.code)).toBe(false);
    expect(isFatalClose(CLOSE.SERVER_ERROR.code)).toBe(false);
    expect(isFatalClose(CLOSE.TOO_MANY_CONNECTIONS.code)).toBe(false);
    expect(isFatalClose(CLOSE.UNKNOWN_BOARD.code)).toBe(true);
    expect(isFatalClose(CLOSE.PROTOCOL_MISMATCH.code)).toBe(true);
  });

  it('uses wss on https pages and ws otherwise, on the page host', () => {
    expect(wsBaseFor({ protocol: 'https:', host: 'rejse.example:8443' })).toBe('wss://rejse.example:8443');
    expect(wsBaseFor({ protocol: 'http:', host: '127.0.0.1:8787' })).toBe('ws://127.0.0.1:8787');
  });
});
