import type { CardId } from '@rejse/shared';
import { useCallback, useEffect } from 'react';
import { useBoardUiStore, useCommands, useSession } from '../doc/BoardContext.tsx';
import type { BoardCommands } from '../doc/commands.ts';
import type { BoardSession } from '../doc/session.ts';
import { t } from '../i18n/index.ts';
import {
  createClipboardPayload,
  parseClipboardPayload,
  planPaste,
  planTextPaste,
  type ClipboardPayload,
  type PastePlan,
} from './clipboard.ts';
import { kindForLaneKind } from './kinds.ts';
import { computeLayout } from './layout.ts';
import { useReveal } from './useCanvasActions.ts';

/** Where the last copy is kept, so a paste on another board in this browser finds it. */
const CLIPBOARD_STORAGE_KEY = 'rejse.clipboard';

export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Text selected on the page (e.g. in a panel) is copied as text, not as cards. */
const hasTextSelection = (): boolean => {
  const selection = window.getSelection();
  return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
};

function remember(payload: ClipboardPayload): string {
  const text = JSON.stringify(payload);
  try {
    localStorage.setItem(CLIPBOARD_STORAGE_KEY, text);
  } catch {
    // Storage full or blocked: the system clipboard still carries the copy.
  }
  return text;
}

function remembered(): ClipboardPayload | null {
  try {
    const text = localStorage.getItem(CLIPBOARD_STORAGE_KEY);
    return text ? parseClipboardPayload(text) : null;
  } catch {
    return null;
  }
}

/** Adds a paste plan's cards and links as one undo step; returns the ids of the cards that were added. */
function applyPastePlan(session: BoardSession, commands: BoardCommands, plan: PastePlan): CardId[] {
  return session.batch(() => {
    const added: CardId[] = [];
    for (const card of plan.cards) {
      const id = commands.addCard({
        ...card.fields,
        id: card.id,
        stageId: card.stageId,
        laneId: card.laneId,
        ...(card.index === undefined ? {} : { index: card.index }),
      });
      // A refused card (locked board, private brainstorm's drafts) is not on the board to link.
      if (id) added.push(id);
    }
    const present = new Set<string>(added);
    for (const link of plan.links) if (present.has(link.from) && present.has(link.to)) commands.link(link.from, link.to);
    return added;
  });
}

/**
 * Copy (Ctrl/Cmd+C), cut (X), paste (V) and duplicate (D) of the selected cards. The copy
 * goes to the system clipboard as JSON (through the copy event, no permission needed) and
 * to localStorage; a paste takes our payload from the clipboard, else the last copy in this
 * browser, and pastes plain text from elsewhere as one card per line.
 */
export function useClipboard(): { duplicate: () => void } {
  const uiStore = useBoardUiStore();
  const session = useSession();
  const commands = useCommands();
  const reveal = useReveal();

  const land = useCallback(
    (plan: PastePlan, message: 'clipboard.pasted' | 'clipboard.duplicated') => {
      if (plan.cards.length === 0) {
        uiStore.getState().notify(t('clipboard.nothing'));
        return;
      }
      const added = applyPastePlan(session, commands, plan);
      if (added.length === 0) return;
      const ui = uiStore.getState();
      ui.setSelection(added, []);
      ui.notify(t(message, { count: added.length }));
      const box = computeLayout(session.getBoard()).cards.get(added[0] as string);
      if (box) reveal(box);
    },
    [session, commands, reveal, uiStore],
  );

  const anchor = useCallback(() => {
    const first = uiStore.getState().selectedCards[0];
    const box = first ? computeLayout(session.getBoard()).cards.get(first) : undefined;
    return box ? { stageId: box.stageId, laneId: box.laneId } : null;
  }, [session, uiStore]);

  const duplicate = useCallback(() => {
    const board = session.getBoard();
    const payload = createClipboardPayload(board, uiStore.getState().selectedCards);
    if (payload) land(planPaste(payload, board, { duplicate: true }), 'clipboard.duplicated');
  }, [session, land, uiStore]);

  useEffect(() => {
    const copySelection = (event: ClipboardEvent, cut: boolean) => {
      if (isTyping(event.target) || hasTextSelection() || document.querySelector('dialog[open]')) return;
      const ui = uiStore.getState();
      const payload = createClipboardPayload(session.getBoard(), ui.selectedCards);
      if (!payload) return;
      event.preventDefault();
      event.clipboardData?.setData('text/plain', remember(payload));
      if (cut) {
        commands.deleteElements(
          payload.cards.map((c) => c.id),
          [],
        );
        ui.setSelection([], []);
      }
      ui.notify(t(cut ? 'clipboard.cut' : 'clipboard.copied', { count: payload.cards.length }));
    };
    const onCopy = (event: ClipboardEvent) => copySelection(event, false);
    const onCut = (event: ClipboardEvent) => copySelection(event, true);
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const board = session.getBoard();
      const fromClipboard = text ? parseClipboardPayload(text) : null;
      event.preventDefault();
      if (fromClipboard || !text.trim()) {
        const payload = fromClipboard ?? remembered();
        if (payload) land(planPaste(payload, board, { anchor: anchor() }), 'clipboard.pasted');
        return;
      }
      land(planTextPaste(text, board, kindForLaneKind, { anchor: anchor() }), 'clipboard.pasted');
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [session, commands, land, anchor, uiStore]);

  return { duplicate };
}
