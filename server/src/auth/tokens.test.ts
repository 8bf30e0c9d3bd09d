import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memory-store.ts';
import { verifyParticipant } from './participants.ts';
import { createSecretToken, issueBoardTokens, resolveBoardToken, rotateBoardToken } from './tokens.ts';

function boardStore() {
  const store = createMemoryStore();
  store.documents.create({ id: 'b1', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
  store.documents.create({ id: 'b2', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
  return store;
}

describe('secret links', () => {
  it('tokens carry at least 128 random bits and are never stored in clear', () => {
    const token = createSecretToken();
    expect(Buffer.from(token, 'base64url').byteLength * 8).toBeGreaterThanOrEqual(128);
    expect(createSecretToken()).not.toBe(token);
    const store = boardStore();
    const tokens = issueBoardTokens(store, 'b1', 5);
    const stored = store.links.tokens('b1');
    expect(stored.map((t) => t.role)).toEqual(['editor', 'facilitator', 'viewer']);
    for (const t of stored) expect(Buffer.from(t.tokenHash).toString('utf8')).not.toContain(tokens.editor);
  });

  it('each token grants its own role on its own board only', () => {
    const store = boardStore();
    const tokens = issueBoardTokens(store, 'b1', 5);
    expect(resolveBoardToken(store, 'b1', tokens.facilitator, null)).toEqual({ role: 'facilitator', via: 'link' });
    expect(resolveBoardToken(store, 'b1', tokens.editor, null)).toEqual({ role: 'editor', via: 'link' });
    expect(resolveBoardToken(store, 'b1', tokens.viewer, null)).toEqual({ role: 'viewer', via: 'link' });
    expect(resolveBoardToken(store, 'b2', tokens.editor, null)).toBeUndefined();
    for (const bad of [null, undefined, '', 'short', `${tokens.editor}x`, 'has spaces but is long enough']) {
      expect(resolveBoardToken(store, 'b1', bad, null)).toBeUndefined();
    }
  });

  it('rotating a link revokes the old token and the new one works', () => {
    const store = boardStore();
    const tokens = issueBoardTokens(store, 'b1', 5);
    const fresh = rotateBoardToken(store, 'b1', 'editor', 6);
    expect(resolveBoardToken(store, 'b1', tokens.editor, null)).toBeUndefined();
    expect(resolveBoardToken(store, 'b1', fresh, null)).toEqual({ role: 'editor', via: 'link' });
    expect(resolveBoardToken(store, 'b1', tokens.viewer, null)?.role).toBe('viewer');
  });

  it('the admin token acts as facilitator on every board', () => {
    const store = boardStore();
    const admin = createSecretToken();
    expect(resolveBoardToken(store, 'b2', admin, admin)).toEqual({ role: 'facilitator', via: 'admin' });
    expect(resolveBoardToken(store, 'b2', admin, null)).toBeUndefined();
  });
});

describe('participant identities', () => {
  const id = 'participant-0123456789';
  const secret = 'secret-0123456789abcdefghijk';

  it('an id is bound to the first secret it comes with, and another secret is refused', () => {
    const store = boardStore();
    expect(verifyParticipant(store, 'b1', id, secret, 1)).toBe('ok');
    expect(verifyParticipant(store, 'b1', id, secret, 2)).toBe('ok');
    expect(verifyParticipant(store, 'b1', id, `${secret}x`, 3)).toBe('mismatch');
    // Another board knows nothing of it.
    expect(verifyParticipant(store, 'b2', id, `${secret}x`, 3)).toBe('ok');
  });

  it('a malformed id or secret is invalid and binds nothing', () => {
    const store = boardStore();
    expect(verifyParticipant(store, 'b1', 'short', secret, 1)).toBe('invalid');
    expect(verifyParticipant(store, 'b1', id, 'short', 1)).toBe('invalid');
    expect(verifyParticipant(store, 'b1', null, null, 1)).toBe('invalid');
    expect(store.links.participantSecretHash('b1', id)).toBeUndefined();
  });
});
