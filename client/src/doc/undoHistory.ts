import type * as Y from 'yjs';
import { createExternalStore, type ExternalStore } from './externalStore.ts';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Where a step's place in the shared order is kept (a Yjs stack item's own metadata). */
const STEP = 'rejse:step';
const EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

type Stack = 'undoStack' | 'redoStack';

/** The place in the shared order of a manager's newest step on `stack` (0: none). */
const newestStep = (manager: Y.UndoManager, stack: Stack): number => Number(manager[stack].at(-1)?.meta.get(STEP) ?? 0);

/**
 * One undo history for this person over several Yjs documents: the board's and, in private
 * mode, their drafts (a private card lives there). Each document keeps its own UndoManager;
 * every step they make is numbered in one sequence (new edits, and the steps an undo makes
 * for redo), so Undo takes back the newest step of any document and Redo brings back the
 * newest undone one. A new edit anywhere ends every redo, as in one document.
 */
export class UndoHistory {
  readonly state: ExternalStore<UndoState>;
  private readonly managers = new Set<Y.UndoManager>();
  private sequence = 0;

  constructor(main: Y.UndoManager) {
    this.state = createExternalStore<UndoState>(
      { canUndo: false, canRedo: false },
      (a, b) => a.canUndo === b.canUndo && a.canRedo === b.canRedo,
    );
    this.add(main);
  }

  /** Takes `manager`'s steps into the history until the returned function is called. */
  add(manager: Y.UndoManager): () => void {
    this.managers.add(manager);
    const onAdded = ({ stackItem, type }: { stackItem: Y.UndoManager['undoStack'][number]; type: 'undo' | 'redo' }) => {
      stackItem.meta.set(STEP, ++this.sequence);
      // A new edit (not a step an undo or redo made) ends the redo of every document.
      if (type === 'undo' && !manager.redoing) {
        for (const other of this.managers) if (other !== manager) other.clear(false, true);
      }
    };
    manager.on('stack-item-added', onAdded);
    for (const event of EVENTS) manager.on(event, this.refresh);
    this.refresh();
    return () => {
      manager.off('stack-item-added', onAdded);
      for (const event of EVENTS) manager.off(event, this.refresh);
      this.managers.delete(manager);
      this.refresh();
    };
  }

  undo(): void {
    this.replay('undoStack', (manager) => manager.undo());
  }

  redo(): void {
    this.replay('redoStack', (manager) => manager.redo());
  }

  /** Ends the current step everywhere: the next edit starts a new one even within the capture timeout. */
  endStep(): void {
    for (const manager of this.managers) manager.stopCapturing();
  }

  /** How many steps there are to undo (for taking back everything since a moment). */
  depth(): number {
    let steps = 0;
    for (const manager of this.managers) steps += manager.undoStack.length;
    return steps;
  }

  /** Undoes or redoes the newest step across the documents; one that changes nothing any more gives way to the next. */
  private replay(stack: Stack, run: (manager: Y.UndoManager) => unknown): void {
    const tried = new Set<Y.UndoManager>();
    for (;;) {
      let newest: Y.UndoManager | null = null;
      for (const manager of this.managers) {
        if (tried.has(manager) || manager[stack].length === 0) continue;
        if (!newest || newestStep(manager, stack) > newestStep(newest, stack)) newest = manager;
      }
      if (!newest) return;
      if (run(newest) !== null) return;
      tried.add(newest);
    }
  }

  private readonly refresh = (): void => {
    let canUndo = false;
    let canRedo = false;
    for (const manager of this.managers) {
      canUndo ||= manager.canUndo();
      canRedo ||= manager.canRedo();
    }
    this.state.set({ canUndo, canRedo });
  };
}
