/** The grid's nodes — cells, stage and lane headers, the "+" nodes — made from the layout. */
import type { Board } from '@rejse/shared';
import type { GridLayout, Rect } from './layout.ts';
import { nodeId, Z, type BoardNode, type CellNode } from './types.ts';

/** A node's place and size from the layout; telling React Flow the size keeps it through re-derivation. */
export const fixed = (rect: Rect) => ({
  position: { x: rect.x, y: rect.y },
  width: rect.width,
  height: rect.height,
  measured: { width: rect.width, height: rect.height },
});

const inert = { draggable: false, selectable: false, deletable: false, connectable: false, focusable: false } as const;
/** Grid nodes are not selectable, yet take double-clicks and hold buttons. */
const interactive = { pointerEvents: 'all' } as const;

/** What the grid's nodes depend on besides the stage and lane records: their count and the lanes' heights. */
export const gridKey = (layout: GridLayout): string =>
  `${layout.stages.length}|${layout.lanes.map((lane) => `${lane.y}:${lane.height}`).join(',')}`;

/** The grid's cells, stage and lane headers and "+" nodes. */
export function gridNodes(board: Board, layout: GridLayout): { cells: BoardNode[]; headers: BoardNode[] } {
  const cells: BoardNode[] = [];
  const headers: BoardNode[] = [];
  const stageTitle = new Map<string, string>(board.stages.map((s) => [s.id, s.title]));
  const laneTitle = new Map<string, string>(board.lanes.map((l) => [l.id, l.title]));

  for (const stage of layout.stages) {
    for (const lane of layout.lanes) {
      const cell: CellNode = {
        id: nodeId.cell(stage.id, lane.id),
        type: 'cell',
        style: interactive,
        ...fixed({ x: stage.x, y: lane.y, width: stage.width, height: lane.height }),
        ...inert,
        zIndex: Z.cell,
        data: {
          stageId: stage.id,
          laneId: lane.id,
          stageTitle: stageTitle.get(stage.id) ?? '',
          laneTitle: laneTitle.get(lane.id) ?? '',
        },
      };
      cells.push(cell);
    }
  }

  layout.stages.forEach((stage, index) => {
    headers.push({
      id: nodeId.stage(stage.id),
      type: 'stage',
      style: interactive,
      ...fixed(stage),
      ...inert,
      zIndex: Z.header,
      data: { stageId: stage.id, title: stageTitle.get(stage.id) ?? '', index, count: layout.stages.length },
    });
  });
  layout.lanes.forEach((lane, index) => {
    headers.push({
      id: nodeId.lane(lane.id),
      type: 'lane',
      style: interactive,
      ...fixed(lane),
      ...inert,
      zIndex: Z.header,
      data: {
        laneId: lane.id,
        title: laneTitle.get(lane.id) ?? '',
        kind: lane.kind,
        index,
        count: layout.lanes.length,
      },
    });
  });
  const addNode = { ...inert, zIndex: Z.header, style: interactive, data: {} };
  headers.push({ id: nodeId.addStage, type: 'addStage', ...fixed(layout.addStage), ...addNode });
  headers.push({ id: nodeId.addLane, type: 'addLane', ...fixed(layout.addLane), ...addNode });

  return { cells, headers };
}
