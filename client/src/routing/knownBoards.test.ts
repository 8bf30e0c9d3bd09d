import { describe, expect, it } from 'vitest';
import { knownToken, readKnownBoards, rememberBoard, takeTokenFromAddress } from './knownBoards.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('boards this browser knows', () => {
  it('remembers a board with its token and lists the most recently opened first', () => {
    const storage = memoryStorage();
    rememberBoard({ id: 'a', title: 'First', token: 'tok-a', role: 'facilitator', openedAt: 1 }, storage);
    rememberBoard({ id: 'b', title: 'Second', token: null, role: null, openedAt: 2 }, storage);
    expect(readKnownBoards(storage).map((b) => b.id)).toEqual(['b', 'a']);
    expect(knownToken('a', storage)).toBe('tok-a');
    expect(knownToken('b', storage)).toBeNull();
  });

  it('keeps the stored token and title when a later visit only updates some fields', () => {
    const storage = memoryStorage();
    rememberBoard({ id: 'a', title: 'First', token: 'tok-a', role: 'editor', openedAt: 1 }, storage);
    rememberBoard({ id: 'a', openedAt: 5 }, storage);
    expect(readKnownBoards(storage)).toEqual([{ id: 'a', title: 'First', token: 'tok-a', role: 'editor', openedAt: 5 }]);
  });

  it('survives damaged storage instead of failing the page', () => {
    const storage = memoryStorage();
    storage.setItem('rejse.boards', '{not json');
    expect(readKnownBoards(storage)).toEqual([]);
    storage.setItem('rejse.boards', JSON.stringify([{ id: 'ok', title: '', token: null, role: null, openedAt: 1 }, { id: 3 }]));
    expect(readKnownBoards(storage).map((b) => b.id)).toEqual(['ok']);
    expect(readKnownBoards(null)).toEqual([]);
  });

  it('takes the token out of the address and keeps the rest of it', () => {
    const replaced: string[] = [];
    const history = {
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)),
    };
    const token = takeTokenFromAddress({ pathname: '/b/abc', search: '?token=s3cret&x=1', hash: '#top' }, history);
    expect(token).toBe('s3cret');
    expect(replaced).toEqual(['/b/abc?x=1#top']);
    expect(takeTokenFromAddress({ pathname: '/b/abc', search: '', hash: '' }, history)).toBeNull();
    expect(replaced).toHaveLength(1);
  });
});
