import type { CardKind, Channel, Emotion, LaneKind } from '@rejse/shared';
import type { Edge, Node } from '@xyflow/react';

/**
 * The React Flow node and edge types of the canvas. Node data is plain, serialisable
 * data derived from the board (no callbacks): components reach commands through context.
 */
type StageNodeData = { stageId: string; title: string; index: number; count: number };
type LaneNodeData = { laneId: string; title: string; kind: LaneKind; index: number; count: number };
type CellNodeData = { stageId: string; laneId: string; stageTitle: string; laneTitle: string };
type CardNodeData = {
  kind: CardKind;
  text: string;
  channel: Channel | null;
  /** One of the board's own channels, by name (when no built-in channel is set). */
  customChannel: string | null;
  emotion: Emotion | null;
  stageId: string;
  laneId: string;
  lines: number;
  linkCount: number;
  /** The text is longer than the card shows (full text on hover and when it is the only selected card). */
  truncated: boolean;
  /** A touchpoint's figures, formatted in the board's locale ("1M a year · 43%"), or null. */
  figures: string | null;
  /** Ideas addressing this pain point, or pain points this idea fixes (by link). */
  related: number;
  /** Their texts, one per line, for the tooltip. */
  relatedNames: string;
  /** One of this person's private cards (private mode): in their view only until revealed. */
  private?: boolean;
  /** Local overlays (see useFlowState): being edited in place; the only selected card. */
  editing?: boolean;
  solo?: boolean;
};
type CurvePointData = {
  stageId: string;
  index: number;
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Standard deviation of the stage's touchpoint emotions (null without data). */
  sd: number | null;
};
/** A touchpoint rated on the curve: its own point, dragged (or arrowed) to set its emotion. */
export type CurveTouchpointData = {
  id: string;
  /** Its stage's index; `slot` of `slots` spreads a stage's touchpoints across its column. */
  index: number;
  slot: number;
  slots: number;
  emotion: Emotion;
  text: string;
};
/** One persona's curve, overlaid on the others (the board has personas). */
export type PersonaCurveData = {
  personaId: string;
  name: string;
  colour: string;
  /** Its line pattern (stroke-dasharray; '' solid), so the curves differ in more than colour. */
  dash: string;
  points: CurvePointData[];
  touchpoints: CurveTouchpointData[];
};
type EmotionNodeData = {
  points: CurvePointData[];
  touchpoints: CurveTouchpointData[];
  /** One curve per persona (at most five); empty: the one shared curve above. */
  personas: PersonaCurveData[];
  titles: Record<string, string>;
  stageWidth: number;
  /** The curve is drawn over the touchpoints lane because there is no emotions lane. */
  overlay: boolean;
};
type AddNodeData = Record<string, never>;

export type StageNode = Node<StageNodeData, 'stage'>;
export type LaneNode = Node<LaneNodeData, 'lane'>;
export type CellNode = Node<CellNodeData, 'cell'>;
export type CardNode = Node<CardNodeData, 'card'>;
export type EmotionNode = Node<EmotionNodeData, 'emotion'>;
export type AddStageNode = Node<AddNodeData, 'addStage'>;
export type AddLaneNode = Node<AddNodeData, 'addLane'>;

export type BoardNode = StageNode | LaneNode | CellNode | CardNode | EmotionNode | AddStageNode | AddLaneNode;
/** A link between two cards, drawn as React Flow's default (Bézier) edge. */
export type LinkEdge = Edge<Record<string, never>>;

/** Prefixes keep node ids of different kinds apart; cards use their own id. */
export const nodeId = {
  stage: (id: string) => `stage:${id}`,
  lane: (id: string) => `lane:${id}`,
  cell: (stageId: string, laneId: string) => `cell:${stageId}:${laneId}`,
  emotion: 'emotion-curve',
  addStage: 'add-stage',
  addLane: 'add-lane',
} as const;

/** Stacking: cells at the bottom, then headers, the curve (its axis overlaps the lane header), links, cards. */
export const Z = { cell: 0, header: 1, curve: 2, link: 3, card: 4 } as const;
