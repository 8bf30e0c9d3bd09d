import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/memory-store.ts';
import { openSealedLink, sealLink } from './sealed-links.ts';
import { createSecretToken, issueBoardTokens, rotateBoardToken, showBoardTokens } from './tokens.ts';

function boardStore() {
  const store = createMemoryStore();
  store.documents.create({ id: 'b1', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
  store.documents.create({ id: 'b2', title: 'B', createdAt: 1, updatedAt: 1 }, new Uint8Array([0, 0]));
  return store;
}

describe('links sealed for the facilitator', () => {
  it('open only with the facilitator token, for the same board and role, and never hold the token in clear', () => {
    const facilitator = createSecretToken();
    const editor = createSecretToken();
    const sealed = sealLink(facilitator, 'b1', 'editor', editor);
    expect(Buffer.from(sealed).toString('latin1')).not.toContain(editor);
    expect(openSealedLink(facilitator, 'b1', 'editor', sealed)).toBe(editor);
    expect(openSealedLink(createSecretToken(), 'b1', 'editor', sealed)).toBeUndefined();
    expect(openSealedLink(facilitator, 'b2', 'editor', sealed)).toBeUndefined();
    expect(openSealedLink(facilitator, 'b1', 'viewer', sealed)).toBeUndefined();
    const tampered = new Uint8Array(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(openSealedLink(facilitator, 'b1', 'editor', tampered)).toBeUndefined();
    expect(openSealedLink(facilitator, 'b1', 'editor', new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it('a facilitator sees the editor and viewer links again; after a rotation the new one, never a dead one', () => {
    const store = boardStore();
    const tokens = issueBoardTokens(store, 'b1', 5);
    expect(showBoardTokens(store, 'b1', tokens.facilitator)).toEqual(tokens);
    // Someone else's token (an editor's) opens nothing.
    expect(showBoardTokens(store, 'b1', tokens.editor)).toEqual({
      facilitator: tokens.editor,
      editor: null,
      viewer: null,
    });

    const fresh = rotateBoardToken(store, 'b1', 'editor', 6, tokens.facilitator);
    expect(showBoardTokens(store, 'b1', tokens.facilitator).editor).toBe(fresh);
    // Rotated with the admin token: a working link the facilitator cannot be shown (they make a new one).
    rotateBoardToken(store, 'b1', 'viewer', 7, null);
    expect(showBoardTokens(store, 'b1', tokens.facilitator).viewer).toBeNull();
    // A new facilitator link (admin) leaves the old seals unreadable rather than wrong.
    const newFacilitator = rotateBoardToken(store, 'b1', 'facilitator', 8, null);
    expect(showBoardTokens(store, 'b1', newFacilitator)).toEqual({
      facilitator: newFacilitator,
      editor: null,
      viewer: null,
    });
  });
});
