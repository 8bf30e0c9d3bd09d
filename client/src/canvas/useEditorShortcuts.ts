import type { CardId } from '@rejse/shared';
import { useEffect } from 'react';
import { useBoardUiStore, useEditorStore, useSession } from '../doc/BoardContext.tsx';
import { isFilterActive } from '../doc/filter.ts';
import { isTyping } from './useClipboard.ts';

/**
 * The editor's keyboard shortcuts on the map (the help dialog lists them all; copy, cut and
 * paste are clipboard events in useClipboard, undo/redo in board/useBoardShortcuts, Delete
 * in React Flow, Enter and the arrows on a focused card in useCardKeys):
 * Ctrl/Cmd+D duplicates, Ctrl/Cmd+A selects every card, Ctrl/Cmd+F or "/" searches,
 * "?" opens the help, Esc lets go of the selection, then of the search filter.
 */
export function useEditorShortcuts({ duplicate }: { duplicate: () => void }): void {
  const editorStore = useEditorStore();
  const uiStore = useBoardUiStore();
  const session = useSession();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return;
      if (isTyping(event.target)) return;
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      const ui = uiStore.getState();
      const editor = editorStore.getState();
      if (mod && key === 'd' && !event.shiftKey) {
        event.preventDefault();
        if (ui.selectedCards.length > 0) duplicate();
      } else if (mod && key === 'a' && !event.shiftKey) {
        event.preventDefault();
        ui.setSelection(
          session.getBoard().cards.map((c) => c.id as CardId),
          [],
        );
      } else if ((mod && key === 'f') || (!mod && event.key === '/')) {
        event.preventDefault();
        editor.focusSearch();
      } else if (!mod && event.key === '?') {
        event.preventDefault();
        editor.openDialog('shortcuts');
      } else if (event.key === 'Escape' && !mod) {
        if (ui.editingCard || ui.editingHeader) return;
        if (ui.selectedCards.length > 0 || ui.selectedLinks.length > 0) {
          event.preventDefault();
          ui.setSelection([], []);
          if (document.activeElement instanceof HTMLElement && document.activeElement.closest('.react-flow')) {
            document.activeElement.blur();
          }
        } else if (isFilterActive(editor.filter)) {
          event.preventDefault();
          editor.clearFilter();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, duplicate, uiStore, editorStore]);
}
