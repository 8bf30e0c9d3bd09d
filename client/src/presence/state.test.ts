import { describe, expect, it } from 'vitest';
import { centreOf, readPresence, viewportFor } from './state.ts';
import { colourFor, initials } from './identity.ts';

describe('presence states', () => {
  it('a remote state is read defensively: bad fields become defaults, non-people are ignored', () => {
    expect(readPresence(null)).toBeNull();
    expect(readPresence({ cursor: { x: 1, y: 2 } })).toBeNull();
    expect(
      readPresence({
        user: { name: 'Ana', color: 'red; background: url(x)', role: 'admin' },
        cursor: { x: 'a', y: 2 },
        selection: ['c_1', 5],
        view: { x: 1, y: 2, zoom: 0 },
        active: false,
        presenting: { from: 3, to: 1 },
      }),
    ).toEqual({
      user: { name: 'Ana', color: '#76828f', role: 'viewer' },
      cursor: null,
      selection: ['c_1'],
      view: null,
      active: false,
      presenting: null,
      editing: null,
    });
  });

  it('the text someone is typing into is read only when it names a text field of a known kind of record', () => {
    const person = { user: { name: 'Ana', color: '#123456', role: 'editor' } };
    expect(readPresence({ ...person, editing: { root: 'cards', id: 'c_1', field: 'text' } })?.editing).toEqual({
      root: 'cards',
      id: 'c_1',
      field: 'text',
    });
    expect(readPresence({ ...person, editing: { root: 'votes', id: 'c_1', field: 'text' } })?.editing).toBeNull();
    expect(readPresence({ ...person, editing: { root: 'cards', id: 7, field: 'text' } })?.editing).toBeNull();
    expect(readPresence({ ...person, editing: { root: 'cards', id: 'x'.repeat(500), field: 'text' } })?.editing).toBeNull();
    expect(readPresence({ ...person, editing: 'c_1' })?.editing).toBeNull();
  });

  it('a presented range is read only when it is a real range of stage indices', () => {
    const person = { user: { name: 'Ana', color: '#123456', role: 'facilitator' } };
    expect(readPresence({ ...person, presenting: { from: 1, to: 2 } })?.presenting).toEqual({ from: 1, to: 2 });
    expect(readPresence({ ...person, presenting: { from: -1, to: 2 } })?.presenting).toBeNull();
    expect(readPresence({ ...person, presenting: { from: 0.5, to: 2 } })?.presenting).toBeNull();
    expect(readPresence({ ...person, presenting: { from: 0, to: 1e9 } })?.presenting).toBeNull();
    expect(readPresence({ ...person, presenting: 'all' })?.presenting).toBeNull();
  });

  it('following a view centre gives the same viewport on a same-sized screen and the same centre on another', () => {
    const centre = centreOf([-200, 100, 0.5], 1440, 900);
    expect(viewportFor(centre, 1440, 900)).toEqual({ x: -200, y: 100, zoom: 0.5 });
    const other = viewportFor(centre, 1000, 700);
    expect(centreOf([other.x, other.y, other.zoom], 1000, 700)).toEqual(centre);
  });

  it('avatars show initials', () => {
    expect(initials('Ana Berg')).toBe('AB');
    expect(initials('  bo ')).toBe('B');
    expect(initials('Jens Peter Hansen')).toBe('JH');
    expect(initials('')).toBe('?');
  });

  it('initials skip bracketed notes and punctuation, and keep Nordic letters', () => {
    expect(initials('Mette (facilitator)')).toBe('M');
    expect(initials('Anne Marie Holm')).toBe('AH');
    expect(initials('øjvind ålund')).toBe('ØÅ');
    expect(initials('(gæst)')).toBe('?');
    expect(initials('Åsa [SE] Lind')).toBe('ÅL');
    expect(initials('Mette (facilit')).toBe('M');
    expect(initials('"Bo" 2')).toBe('B');
  });

  it('a colour follows the seed, so the same participant id gives the same colour', () => {
    expect(colourFor('p-abc123')).toBe(colourFor('p-abc123'));
    expect(colourFor('p-abc123')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
