import type { StageId } from '@rejse/shared';
import { computeLayout } from '../canvas/layout.ts';
import { useAddAxis, useAddCardAt } from '../canvas/useCanvasActions.ts';
import { useFitBoard } from '../canvas/useFitBoard.ts';
import { useRole } from '../facilitation/FacilitationContext.tsx';
import { useT } from '../i18n/index.ts';
import { IconButton } from '../ui/IconButton.tsx';
import { useBoardUiStore, useCommands, useEditorStore, useSession, useUndoState } from '../doc/BoardContext.tsx';
import { SearchBar } from './SearchBar.tsx';
import { StagePicker } from './StagePicker.tsx';

/** Board-wide actions. "Add card" goes under the selected card, else into the first touchpoint cell. */
export function Toolbar() {
  const editorStore = useEditorStore();
  const uiStore = useBoardUiStore();
  const t = useT();
  const session = useSession();
  const commands = useCommands();
  const { canUndo, canRedo } = useUndoState();
  const addCardAt = useAddCardAt();
  const addStage = useAddAxis('stage');
  const addLane = useAddAxis('lane');
  const fitBoard = useFitBoard();
  // A view-only link gets the tools to look around, not the ones that edit.
  const viewOnly = useRole() === 'viewer';

  const addCard = () => {
    const board = session.getBoard();
    const selected = uiStore.getState().selectedCards[0];
    const box = selected ? computeLayout(board).cards.get(selected) : undefined;
    if (box) {
      addCardAt(box.stageId, box.laneId, box.index + 1);
      return;
    }
    const stage: StageId | undefined = board.stages[0]?.id;
    const lane = board.lanes.find((l) => l.kind === 'touchpoints') ?? board.lanes[0];
    if (stage && lane) addCardAt(stage, lane.id);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {viewOnly ? null : (
        <>
          <div className="toolbar__group">
            <IconButton icon="plus" label={t('toolbar.addCard')} showLabel className="icon-button--primary" onClick={addCard} />
            <IconButton icon="plus" label={t('toolbar.addStage')} showLabel onClick={addStage} />
            <IconButton icon="plus" label={t('toolbar.addLane')} showLabel onClick={addLane} />
          </div>
          <div className="toolbar__group">
            <IconButton
              icon="undo"
              label={t('toolbar.undo')}
              title={t('toolbar.undoHint')}
              unavailable={!canUndo}
              onClick={commands.undo}
            />
            <IconButton
              icon="redo"
              label={t('toolbar.redo')}
              title={t('toolbar.redoHint')}
              unavailable={!canRedo}
              onClick={commands.redo}
            />
          </div>
        </>
      )}
      <div className="toolbar__group">
        <IconButton icon="fit" label={t('toolbar.zoomToFit')} showLabel onClick={() => fitBoard({ duration: 250 })} />
        <StagePicker />
      </div>
      <div className="toolbar__group toolbar__group--search">
        <SearchBar />
        <IconButton
          icon="keyboard"
          label={t('toolbar.shortcuts')}
          title={t('toolbar.shortcutsHint')}
          onClick={() => editorStore.getState().openDialog('shortcuts')}
        />
      </div>
    </div>
  );
}
