import { CARDS, type TextEdit } from '@rejse/shared';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useBoardContext, useBoardUiStore, useCommands, useSession } from './BoardContext.tsx';
import { bindLiveText, type TextTarget } from './liveText.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface LiveText<E extends Field> {
  ref: RefObject<E | null>;
  /** Takes back what this person typed since the field got focus (others' typing stays). */
  revert(): void;
}

/**
 * A live text field bound to `target` (see liveText.ts). While it has focus the board's UI
 * store says so (`typing`, which presence shares as "… is editing"); each visit to the field
 * is its own undo step, and Ctrl/Cmd+Z in it undoes this person's typing, not the field's own
 * history, so the undo stack stays one for the whole board.
 */
export function useLiveText<E extends Field>(
  target: TextTarget,
  write: (edit: TextEdit, next: string) => void,
  onShown?: (text: string) => void,
): LiveText<E> {
  const session = useSession();
  const uiStore = useBoardUiStore();
  const commands = useCommands();
  const layers = useBoardContext().layers;
  const ref = useRef<E | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;
  const shownRef = useRef(onShown);
  shownRef.current = onShown;
  /** The undo stack's depth when the field got focus. */
  const depth = useRef<number | null>(null);
  const { root, id, field } = target;

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    // The union of input and textarea has no single addEventListener overload; both are elements.
    const element: HTMLElement & Field = node;
    const me: TextTarget = { root, id, field };
    // One of this person's private cards lives in their drafts document, not in the board's.
    const doc = (root === CARDS ? layers?.privateDocOf(id) : undefined) ?? session.doc;
    const unbind = bindLiveText(element, {
      doc,
      target: me,
      write: (edit, next) => writeRef.current(edit, next),
      onShown: (text) => shownRef.current?.(text),
    });
    const onFocus = () => {
      session.endStep();
      depth.current = session.history.depth();
      uiStore.getState().setTyping(me);
    };
    const onBlur = () => {
      session.endStep();
      depth.current = null;
      uiStore.getState().setTyping(me, true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const redo = key === 'y' || (key === 'z' && event.shiftKey);
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      event.stopPropagation();
      if (redo) commands.redo();
      else commands.undo();
    };
    element.addEventListener('focus', onFocus);
    element.addEventListener('blur', onBlur);
    element.addEventListener('keydown', onKeyDown);
    if (element.ownerDocument.activeElement === element) onFocus();
    return () => {
      unbind();
      element.removeEventListener('focus', onFocus);
      element.removeEventListener('blur', onBlur);
      element.removeEventListener('keydown', onKeyDown);
      uiStore.getState().setTyping(me, true);
    };
  }, [session, uiStore, commands, layers, root, id, field]);

  const revert = useCallback(() => {
    const start = depth.current;
    if (start === null) return;
    session.endStep();
    const { history } = session;
    while (history.depth() > start) {
      const before = history.depth();
      commands.undo();
      if (history.depth() >= before) break;
    }
    depth.current = history.depth();
  }, [session, commands]);

  return { ref, revert };
}
