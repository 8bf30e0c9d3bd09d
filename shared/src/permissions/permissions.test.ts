import { describe, expect, it } from 'vitest';
import type { UpdateChange } from '../doc/inspect.ts';
import { ROLES } from '../facilitation/roles.ts';
import {
  capabilityOf,
  judgeCapability,
  judgeChanges,
  refusalReason,
  roleIsUnrestricted,
  roleMayChangeBoardFreely,
  roleMayChangeNothing,
  type PermissionState,
} from './judge.ts';
import { CAPABILITIES, PERMISSIONS } from './table.ts';

const change = (root: string, recordId?: string, field?: string, kind: UpdateChange['kind'] = 'insert'): UpdateChange => ({
  root,
  recordId,
  field,
  kind,
});

function state(
  patch: {
    board?: boolean;
    structure?: boolean;
    cards?: string[];
    privateMode?: boolean;
    existing?: string[];
    participantId?: string | null;
  } = {},
): PermissionState {
  const existing = new Set(patch.existing ?? ['c_on_board']);
  return {
    locks: { board: patch.board ?? false, structure: patch.structure ?? false, cards: new Set(patch.cards ?? []) },
    privateMode: patch.privateMode ?? false,
    hasCard: (id) => existing.has(id),
    participantId: patch.participantId ?? null,
  };
}

describe('the permission table', () => {
  it('gives the facilitator everything but writing as someone else, the viewer nothing, and the editor the board but not the facilitator’s state', () => {
    for (const capability of CAPABILITIES) {
      expect(
        PERMISSIONS[capability].facilitator?.filter((block) => block !== 'othersRecord'),
        capability,
      ).toEqual([]);
    }
    // Writing as someone else is refused to everyone, so no role is unrestricted any more.
    expect(roleIsUnrestricted('facilitator')).toBe(false);
    expect(roleMayChangeBoardFreely('facilitator')).toBe(true);
    expect(roleMayChangeBoardFreely('editor')).toBe(false);
    expect(roleMayChangeNothing('viewer')).toBe(true);
    expect(roleIsUnrestricted('editor') || roleMayChangeNothing('editor')).toBe(false);
    const editorMay = CAPABILITIES.filter((capability) => PERMISSIONS[capability].editor !== undefined);
    expect(editorMay.sort()).toEqual([
      'cardCreate',
      'cardPlace',
      'cardRemove',
      'comment',
      'commentResolve',
      'content',
      'dunning',
      'personas',
      'profile',
      'snapshotTake',
      'structure',
    ]);
  });

  it('lets people write their own comments and name, resolve any thread, and only the facilitator remove another’s comment', () => {
    const me = 'p'.repeat(16);
    const other = 'q'.repeat(16);
    const mine = `${me}.abc`;
    const theirs = `${other}.xyz`;
    const s = state({ participantId: me, board: true, privateMode: true });
    const anonymous = state({ participantId: null });
    expect(capabilityOf(change('comments', mine), s)).toBe('comment');
    expect(capabilityOf(change('comments', theirs, 'resolved'), s)).toBe('commentResolve');
    expect(capabilityOf(change('comments', theirs, undefined, 'delete'), s)).toBe('commentModerate');
    expect(capabilityOf(change('comments', theirs, 'text', 'delete'), s)).toBe('commentModerate');
    expect(capabilityOf(change('people', me, 'name'), s)).toBe('profile');
    for (const role of ['editor', 'facilitator'] as const) {
      expect(judgeChanges(role, s, [change('comments', mine), change('comments', mine, 'text')]), role).toEqual({
        ok: true,
      });
      expect(judgeChanges(role, s, [change('comments', theirs, 'resolved')]), role).toEqual({ ok: true });
      expect(judgeChanges(role, s, [change('people', me, 'name')]), role).toEqual({ ok: true });
      // Writing as someone else, or without a proven identity, is refused to every role.
      expect(judgeChanges(role, s, [change('comments', theirs)]), role).toMatchObject({
        ok: false,
        refusal: { cause: 'othersRecord' },
      });
      expect(judgeChanges(role, s, [change('comments', theirs, 'text')]), role).toMatchObject({
        ok: false,
        refusal: { cause: 'othersRecord' },
      });
      expect(judgeChanges(role, s, [change('people', other, 'name')]), role).toMatchObject({
        ok: false,
        refusal: { cause: 'othersRecord' },
      });
      expect(judgeChanges(role, anonymous, [change('comments', mine)]), role).toMatchObject({
        ok: false,
        refusal: { cause: 'othersRecord' },
      });
      expect(judgeChanges(role, s, [change('comments', 'not-an-author-id')]), role).toMatchObject({
        ok: false,
        refusal: { cause: 'othersRecord' },
      });
    }
    expect(
      judgeChanges('facilitator', s, [change('comments', theirs, undefined, 'delete'), change('comments', theirs, 'text', 'delete')]),
    ).toEqual({ ok: true });
    expect(judgeChanges('editor', s, [change('comments', theirs, undefined, 'delete')])).toMatchObject({
      ok: false,
      refusal: { cause: 'role' },
    });
    expect(judgeChanges('viewer', s, [change('comments', mine)])).toMatchObject({
      ok: false,
      refusal: { cause: 'role' },
    });
  });

  it('lets editors and the facilitator save versions and only the facilitator restore one', () => {
    expect(judgeCapability('editor', state(), 'snapshotTake')).toEqual({ ok: true });
    expect(judgeCapability('viewer', state(), 'snapshotTake')).toMatchObject({ ok: false, refusal: { cause: 'role' } });
    expect(judgeCapability('editor', state(), 'snapshotRestore')).toMatchObject({
      ok: false,
      refusal: { cause: 'role' },
    });
    expect(judgeCapability('facilitator', state({ board: true }), 'snapshotRestore')).toEqual({ ok: true });
  });

  it('names every change by what it does to the board', () => {
    const s = state();
    expect(capabilityOf(change('facilitation', 'timer'), s)).toBe('facilitate');
    expect(capabilityOf(change('meta', 'currency'), s)).toBe('boardSettings');
    expect(capabilityOf(change('meta', 'title'), s)).toBe('content');
    expect(capabilityOf(change('meta', 'activePersonaId'), s)).toBe('personas');
    expect(capabilityOf(change('stages', 's_1', 'title'), s)).toBe('structure');
    expect(capabilityOf(change('cards', 'c_new'), s)).toBe('cardCreate');
    expect(capabilityOf(change('cards', 'c_on_board'), s)).toBe('cardRemove');
    expect(capabilityOf(change('cards', 'c_on_board', undefined, 'delete'), s)).toBe('cardRemove');
    expect(capabilityOf(change('cards', 'c_on_board', 'cell'), s)).toBe('cardPlace');
    expect(capabilityOf(change('cards', 'c_on_board', 'text'), s)).toBe('content');
    expect(capabilityOf(change('links', 'k_1'), s)).toBe('content');
    expect(capabilityOf(change('personas', 'p_1', 'name'), s)).toBe('personas');
    expect(capabilityOf(change('scenarios', 'd_1', 'name'), s)).toBe('dunning');
    expect(capabilityOf(change('cadenceRules', 'r_1', 'limit'), s)).toBe('dunning');
    expect(capabilityOf(change('cards', 'c_on_board', 'dayOffset'), s)).toBe('content');
    // Crafted roots, including names an object literal would answer to.
    for (const root of ['scratch', '?', 'constructor', '__proto__', 'toString']) expect(capabilityOf(change(root), s)).toBe('unknownRoot');
  });

  it('the structure lock freezes an editor’s scenarios and cadence rules, as it freezes stages', () => {
    expect(judgeChanges('editor', state(), [change('scenarios', 'd_1', 'name')]).ok).toBe(true);
    expect(judgeChanges('editor', state({ structure: true }), [change('scenarios', 'd_1', 'name')])).toMatchObject({
      ok: false,
      refusal: { capability: 'dunning', cause: 'structureLock' },
    });
    expect(judgeChanges('viewer', state(), [change('cadenceRules', 'r_1')])).toMatchObject({
      ok: false,
      refusal: { cause: 'role' },
    });
    expect(judgeChanges('facilitator', state({ structure: true, board: true }), [change('cadenceRules', 'r_1')]).ok).toBe(true);
  });

  it('lets the locks stop an editor exactly where the table says, and never a facilitator', () => {
    const locked = state({ structure: true, cards: ['c_on_board'], privateMode: true });
    const editor = (c: UpdateChange) => judgeChanges('editor', locked, [c]);
    expect(editor(change('stages', 's_1', 'title'))).toMatchObject({ ok: false, refusal: { cause: 'structureLock' } });
    expect(editor(change('cards', 'c_on_board', 'cell'))).toMatchObject({ ok: false, refusal: { cause: 'cardLock' } });
    expect(editor(change('cards', 'c_on_board', 'text'))).toEqual({ ok: true });
    expect(editor(change('cards', 'c_new'))).toMatchObject({ ok: false, refusal: { cause: 'privateMode' } });
    expect(editor(change('personas', 'p_1', 'name'))).toEqual({ ok: true });
    for (const c of [change('stages', 's_1'), change('cards', 'c_on_board'), change('facilitation', 'lockBoard')]) {
      expect(judgeChanges('facilitator', state({ board: true, structure: true, cards: ['c_on_board'] }), [c])).toEqual({
        ok: true,
      });
    }
  });

  it('names the most telling reason whatever order the changes come in', () => {
    const s = state({ board: true, cards: ['c_on_board'] });
    const changes = [change('cards', 'c_on_board', 'cell'), change('links', 'k_1'), change('facilitation', 'timer')];
    for (const order of [changes, [...changes].reverse()]) {
      expect(judgeChanges('editor', s, order)).toMatchObject({
        ok: false,
        refusal: { cause: 'role', capability: 'facilitate' },
      });
    }
    const cardAndLink = changes.slice(0, 2);
    for (const order of [cardAndLink, [...cardAndLink].reverse()]) {
      expect(judgeChanges('editor', s, order)).toMatchObject({ ok: false, refusal: { cause: 'boardLock' } });
    }
  });

  it('lets any role send an update that changes nothing', () => {
    for (const role of ROLES) expect(judgeChanges(role, state({ board: true }), [])).toEqual({ ok: true });
  });

  it('answers a question about a capability the same way as about a change using it', () => {
    const s = state({ board: true });
    expect(judgeCapability('editor', s, 'content')).toMatchObject({ ok: false, refusal: { cause: 'boardLock' } });
    expect(judgeCapability('editor', state(), 'content')).toEqual({ ok: true });
    expect(judgeCapability('viewer', state(), 'content')).toMatchObject({ ok: false, refusal: { cause: 'role' } });
  });

  it('gives the server a short reason for its log', () => {
    const refused = (role: 'viewer' | 'editor', c: UpdateChange, s = state()) => {
      const verdict = judgeChanges(role, s, [c]);
      return verdict.ok ? 'allowed' : refusalReason(verdict.refusal);
    };
    expect(refused('viewer', change('meta', 'title'))).toBe('viewers cannot change the board');
    expect(refused('editor', change('facilitation', 'timer'))).toBe('facilitator-only state');
    expect(refused('editor', change('meta', 'locale'))).toBe('board setting "locale" is the facilitator\'s');
    expect(refused('editor', change('x'.repeat(100)))).toBe(`unknown part of the document "${'x'.repeat(40)}"`);
    expect(refused('editor', change('cards', 'c_on_board'), state({ cards: ['c_on_board'] }))).toBe('the card is locked');
  });
});
