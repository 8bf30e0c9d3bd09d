import type { Card, CardId, CardKind, LaneId, LinkId, StageId } from '@rejse/shared';
import {
  ConnectionMode,
  Controls,
  ReactFlow,
  SelectionMode,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  type XYPosition,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useBoardUi, useBoardUiStore, useCommands, useEditorState } from '../doc/BoardContext.tsx';
import { useMapBoard } from '../doc/mapLayers.ts';
import { formatMetric, metricSpec } from '../doc/metrics.ts';
import { useLocale, useT } from '../i18n/index.ts';
import { CanvasTextProvider } from './CanvasText.tsx';
import { matchingCardIds } from '../doc/filter.ts';
import { computeLayout } from './layout.ts';
import { DropTarget } from './DropTarget.tsx';
import { FarKeysList } from './FarKeysList.tsx';
import { FarLayer } from './FarLayer.tsx';
import { KindChangeDialog } from './KindChangeDialog.tsx';
import { useCardKeys } from './useCardKeys.ts';
import { useAddCardAt } from './useCanvasActions.ts';
import { useDragDrop } from './useDragDrop.ts';
import { useClipboard } from './useClipboard.ts';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { useFarDrag } from './useFarDrag.ts';
import { useFarKeys } from './useFarKeys.ts';
import { useFarPointer } from './useFarPointer.ts';
import { useFlowElements } from './useFlowState.ts';
import { useSemanticZoom } from './useSemanticZoom.ts';
import { MAX_ZOOM, MIN_ZOOM, useFitBoard } from './useFitBoard.ts';
import { CardNodeComponent } from './nodes/CardNode.tsx';
import { CellNodeComponent } from './nodes/CellNode.tsx';
import { EmotionNodeComponent } from './nodes/EmotionNode.tsx';
import { AddLaneNodeView, AddStageNodeView, LaneHeaderNode, StageHeaderNode } from './nodes/HeaderNodes.tsx';
import { MinimapDock, MinimapToggle } from './MinimapDock.tsx';
import { StickyHeaders } from './StickyHeaders.tsx';
import './read-only.css';
import type { BoardNode, LinkEdge } from './types.ts';

const nodeTypes = {
  card: CardNodeComponent,
  cell: CellNodeComponent,
  stage: StageHeaderNode,
  lane: LaneHeaderNode,
  emotion: EmotionNodeComponent,
  addStage: AddStageNodeView,
  addLane: AddLaneNodeView,
} satisfies NodeTypes;

const DELETE_KEYS = ['Delete', 'Backspace'];
/** Shift-click adds to the selection (as do Ctrl/Cmd-click); Shift-drag draws a selection box. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/**
 * The React Flow adapter: derived nodes in, commands out. Local state (selection,
 * in-progress drag positions, the search highlight) never reaches the document; a drag is
 * written once, when it ends, as a move to the cell under the pointer — outlined while the
 * drag lasts — and the other dragged cards shift by as many stages and lanes. Cards coming
 * into a lane meant for another kind ask first whether to change their kind.
 */
export function BoardCanvas({ viewOnly }: { viewOnly: boolean }) {
  const uiStore = useBoardUiStore();
  const t = useT();
  const locale = useLocale();
  // The shared board, with this person's private cards in private mode.
  const { board, privateIds } = useMapBoard();
  const commands = useCommands();
  const addCardAt = useAddCardAt();
  const selectedCards = useBoardUi((s) => s.selectedCards);
  const selectedLinks = useBoardUi((s) => s.selectedLinks);
  const editingCard = useBoardUi((s) => s.editingCard);
  const filter = useEditorState((s) => s.filter);
  const wrapper = useRef<HTMLElement>(null);

  const layout = useMemo(() => computeLayout(board), [board]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const { far, summary, defaultViewport, onMove } = useSemanticZoom(wrapper, layout);
  const farPointer = useFarPointer(far, layoutRef, viewOnly);
  const dragDrop = useDragDrop(layout, board);
  const { drag, setDrag, dropCell, pendingDrop, setPendingDrop, onNodeDrag, onNodeDragStop, applyMoves } = dragDrop;
  const farDrag = useFarDrag(far, viewOnly, wrapper, layoutRef, dragDrop);
  const farKeys = useFarKeys(far, layout, layoutRef, wrapper);

  // Someone else deleted a selected card or link, or the card being edited: let go of it.
  useEffect(() => {
    const ui = uiStore.getState();
    const linkIds = new Set<string>(board.links.map((l) => l.id));
    const cards = ui.selectedCards.filter((id) => layout.cards.has(id));
    const links = ui.selectedLinks.filter((id) => linkIds.has(id));
    if (cards.length !== ui.selectedCards.length || links.length !== ui.selectedLinks.length) ui.setSelection(cards, links);
    if (ui.editingCard && !layout.cards.has(ui.editingCard)) ui.editCard(null);
  }, [board, layout, uiStore]);

  const selectedSet = useMemo(() => new Set<string>(selectedCards), [selectedCards]);
  const matches = useMemo(() => {
    const ids = matchingCardIds(board.cards, filter);
    return ids ? new Set(ids) : null;
  }, [board.cards, filter]);

  const linkLabel = useCallback(
    (from: string, to: string) => t('link.ariaLabel', { from: from || t('card.empty'), to: to || t('card.empty') }),
    [t],
  );
  const titles = useMemo(
    () => new Map<string, string>([...board.stages, ...board.lanes].map((item) => [item.id, item.title])),
    [board.stages, board.lanes],
  );
  const cardLabel = useCallback(
    (kind: CardKind, text: string, isPrivate?: boolean) => {
      const label = t('card.ariaLabel', { kind: t(`kind.${kind}`), text: text || t('card.empty') });
      return isPrivate ? t('mapvote.private.cardLabel', { label }) : label;
    },
    [t],
  );
  const { locale: boardLocale, currency } = board;
  // A touchpoint's figures on its card, in the board's locale: "1M a year · 43% · NPS −27".
  const figures = useCallback(
    (card: Card): string | null => {
      const m = card.metrics;
      if (!m) return null;
      const parts: string[] = [];
      const fmt = (key: Parameters<typeof metricSpec>[0], value: number) =>
        formatMetric(metricSpec(key), value, boardLocale, currency, { compact: true });
      if (m.yearlyVolume !== undefined) parts.push(t('card.figures.volume', { value: fmt('yearlyVolume', m.yearlyVolume) }));
      if (m.costPerContact !== undefined) parts.push(t('card.figures.cost', { value: fmt('costPerContact', m.costPerContact) }));
      if (m.responseRate !== undefined) parts.push(t('card.figures.rate', { value: fmt('responseRate', m.responseRate) }));
      if (m.nps !== undefined) parts.push(t('card.figures.nps', { value: fmt('nps', m.nps) }));
      if (m.csat !== undefined) parts.push(t('card.figures.csat', { value: fmt('csat', m.csat) }));
      return parts.length ? parts.join(' · ') : null;
    },
    [t, boardLocale, currency],
  );
  const { nodes, edges } = useFlowElements(
    board,
    layout,
    { selectedCards, selectedLinks, editingCard, matches, drag },
    linkLabel,
    cardLabel,
    figures,
    privateIds,
    far,
  );
  const onCardKeyDown = useCardKeys(layoutRef, viewOnly, dragDrop.proposeMoves);
  const fitBoard = useFitBoard();
  const { duplicate } = useClipboard();
  useEditorShortcuts({ duplicate });

  const onNodesChange = useCallback(
    (changes: NodeChange<BoardNode>[]) => {
      let selection: Set<string> | null = null;
      let moved: Map<string, XYPosition> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(uiStore.getState().selectedCards);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'position' && change.dragging && change.position) {
          moved ??= new Map();
          moved.set(change.id, change.position);
        }
      }
      if (selection) {
        const ui = uiStore.getState();
        ui.setSelection([...selection] as CardId[], ui.selectedLinks);
      }
      if (moved) {
        const update = moved;
        setDrag((previous) => new Map([...previous, ...update]));
      }
    },
    [uiStore, setDrag],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkEdge>[]) => {
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(uiStore.getState().selectedLinks);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) {
        const ui = uiStore.getState();
        ui.setSelection(ui.selectedCards, [...selection] as LinkId[]);
      }
    },
    [uiStore],
  );

  const onNodeClick: NodeMouseHandler<BoardNode> = useCallback(
    (event, node) => {
      if (farPointer.onClick(event)) return;
      // A click on the grid (not a card) lets go of the selection, as a click on empty canvas does.
      if (node.type === 'card' || event.shiftKey || event.metaKey || event.ctrlKey) return;
      if ((event.target as Element).closest('button, input, textarea, select')) return;
      const ui = uiStore.getState();
      if (ui.selectedCards.length > 0 || ui.selectedLinks.length > 0) ui.setSelection([], []);
    },
    [uiStore, farPointer],
  );

  const onNodeDoubleClick: NodeMouseHandler<BoardNode> = useCallback(
    (event, node) => {
      if ((event.target as Element).closest('button, input, textarea, select')) return;
      if (farPointer.onDoubleClick(event)) return;
      // A view-only link opens no editor and adds nothing: it could not keep the change.
      if (viewOnly) return;
      const ui = uiStore.getState();
      switch (node.type) {
        case 'card':
          ui.editCard(node.id as CardId);
          break;
        case 'cell':
          addCardAt(node.data.stageId as StageId, node.data.laneId as LaneId);
          break;
        case 'stage':
          ui.editHeader({ axis: 'stage', id: node.data.stageId as StageId });
          break;
        case 'lane':
          ui.editHeader({ axis: 'lane', id: node.data.laneId as LaneId });
          break;
        default:
          break;
      }
    },
    [addCardAt, uiStore, viewOnly, farPointer],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: BoardNode[]; edges: LinkEdge[] }) => {
      const cards = gone.filter((n) => n.type === 'card').map((n) => n.id as CardId);
      const links = cut.map((e) => e.id as LinkId);
      if (cards.length === 0 && links.length === 0) return;
      commands.deleteElements(cards, links);
      const ui = uiStore.getState();
      ui.setSelection([], []);
      ui.editCard(null);
    },
    [commands, uiStore],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source !== connection.target) commands.link(connection.source as CardId, connection.target as CardId);
    },
    [commands],
  );

  const isValidConnection = useCallback(
    (connection: { source: string; target: string }) =>
      connection.source !== connection.target && layoutRef.current.cards.has(connection.target),
    [],
  );

  // While a link is drawn every card's body takes its end (CSS reads the class; no per-card subscription).
  const onConnectStart = useCallback(() => wrapper.current?.classList.add('is-linking'), []);
  const onConnectEnd = useCallback(() => wrapper.current?.classList.remove('is-linking'), []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => onCardKeyDown(event);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeDescriptionNoKeyboard'),
      // Arrow keys move cards between cells (see useCardKeys), so React Flow's pixel moves are not announced.
      'node.a11yDescription.ariaLiveMessage': () => '',
      'edge.a11yDescription.default': t('flow.edgeDescription'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
  const canvasText = useMemo(() => ({ t, locale, far, readOnly: viewOnly }), [t, locale, far, viewOnly]);

  return (
    <section
      className={`canvas${matches ? ' is-filtered' : ''}${summary ? ' is-summary' : ''}${far ? ' is-far' : ''}${viewOnly ? ' is-read-only' : ''}`}
      ref={wrapper}
      onKeyDown={onKeyDown}
      aria-label={t('canvas.label')}
    >
      <CanvasTextProvider value={canvasText}>
        {/* Before the map in the Tab order: one stop for the drawn cards, ahead of the cells' "+" buttons. */}
        {far ? <FarKeysList board={board} layout={layout} keys={farKeys} selectedCards={selectedSet} privateIds={privateIds} /> : null}
        <ReactFlow<BoardNode, LinkEdge>
          // Seen from far, cards and links are drawn by the far layer: React Flow holds the grid's few nodes.
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          // A view-only link cannot move cards (the server would refuse it); dragging is off for it.
          nodesDraggable={!viewOnly}
          nodesConnectable={!viewOnly}
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeMouseMove={far ? farPointer.onMouseMove : undefined}
          onSelectionStart={farPointer.onSelectionStart}
          onSelectionEnd={farPointer.onSelectionEnd}
          onDelete={onDelete}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onMove={onMove}
          defaultViewport={defaultViewport}
          onInit={() => fitBoard()}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          selectionMode={SelectionMode.Partial}
          zoomOnDoubleClick={false}
          nodeDragThreshold={4}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          onlyRenderVisibleElements
          elevateEdgesOnSelect
          ariaLabelConfig={ariaLabelConfig}
        >
          <StickyHeaders layout={layout} titles={titles} />
          <DropTarget layout={layout} cell={dropCell} />
          {far ? (
            <FarLayer
              board={board}
              layout={layout}
              selectedCards={selectedSet}
              selectedLinks={selectedLinks}
              matches={matches}
              privateIds={privateIds}
              moving={farDrag}
              focused={farKeys.active ? farKeys.focused : null}
            />
          ) : null}

          <Controls position="bottom-left" showInteractive={false} showFitView={false}>
            <MinimapToggle />
          </Controls>
        </ReactFlow>
        <MinimapDock board={board} layout={layout} selectedCards={selectedSet} />
      </CanvasTextProvider>
      {pendingDrop ? (
        <KindChangeDialog
          question={pendingDrop.question}
          onChange={() => {
            setPendingDrop(null);
            applyMoves(pendingDrop.moves, pendingDrop.changes);
          }}
          onKeep={() => {
            setPendingDrop(null);
            applyMoves(pendingDrop.moves);
          }}
          onCancel={() => setPendingDrop(null)}
        />
      ) : null}
    </section>
  );
}
