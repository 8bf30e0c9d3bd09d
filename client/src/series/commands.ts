import {
  PLANNED_CHANGES,
  addComment,
  editComment,
  judgeChanges,
  readPermissionState,
  removeComment,
  setPersonDone,
  setPersonName,
  setThreadResolved,
  BoardOpError,
  type NewComment,
  type Role,
  type UpdateChange,
} from '@rejse/shared';
import type * as Y from 'yjs';
import { noticeFor } from '../facilitation/guard.ts';
import { t } from '../i18n/index.ts';

/** The origin of this browser's comment and name writes (not undoable: the undo manager tracks only board edits). */
export const SERIES_ORIGIN = 'rejse:series';

export interface SeriesCommands {
  comment(input: NewComment): string | undefined;
  editComment(id: string, text: string, mentions: readonly string[]): void;
  resolveThread(rootId: string, resolved: boolean): void;
  removeComment(id: string): void;
  setName(name: string): void;
  setDone(phase: string | null): void;
}

/**
 * Comment, name and "I'm done" writes, each asked of the permission table first with the
 * changes it will make (PLANNED_CHANGES) — the server's own question — so a refusal is a notice
 * here instead of a closed connection. The participant is this browser's proven identity.
 */
export function createSeriesCommands(doc: Y.Doc, role: Role, participantId: string, notify: (message: string) => void): SeriesCommands {
  const allowed = (changes: readonly UpdateChange[]): boolean => {
    if (changes.length === 0) return false;
    const verdict = judgeChanges(role, readPermissionState(doc, participantId), changes);
    if (!verdict.ok) notify(t(noticeFor(verdict.refusal)));
    return verdict.ok;
  };
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (error instanceof BoardOpError) {
        notify(error.message);
        return undefined;
      }
      throw error;
    }
  };
  return {
    comment(input) {
      return attempt(() => {
        const plan = PLANNED_CHANGES.addComment(doc, participantId, input);
        const id = plan[0]?.recordId;
        if (!id || !allowed(plan)) return undefined;
        // The plan's id stands for "a new comment of mine"; the op makes the real one.
        return addComment(doc, participantId, { ...input, id: undefined }, SERIES_ORIGIN);
      });
    },
    editComment(id, text, mentions) {
      attempt(() => allowed(PLANNED_CHANGES.editComment(doc, id, text, mentions)) && editComment(doc, id, text, mentions, SERIES_ORIGIN));
    },
    resolveThread(rootId, resolved) {
      attempt(
        () => allowed(PLANNED_CHANGES.setThreadResolved(doc, rootId, resolved)) && setThreadResolved(doc, rootId, resolved, SERIES_ORIGIN),
      );
    },
    removeComment(id) {
      attempt(() => allowed(PLANNED_CHANGES.removeComment(doc, id)) && removeComment(doc, id, SERIES_ORIGIN));
    },
    setName(name) {
      if (role === 'viewer' || name.trim() === '') return;
      const plan = PLANNED_CHANGES.setPersonName(doc, participantId, name);
      if (plan.length > 0 && judgeChanges(role, readPermissionState(doc, participantId), plan).ok)
        setPersonName(doc, participantId, name, SERIES_ORIGIN);
    },
    setDone(phase) {
      attempt(
        () => allowed(PLANNED_CHANGES.setPersonDone(doc, participantId, phase)) && setPersonDone(doc, participantId, phase, SERIES_ORIGIN),
      );
    },
  };
}
