import { KIND_COLOURS, type CardKind } from '@rejse/shared';
import type { Node } from '@xyflow/react';

/** Minimap colours: cards in their kind's border colour, headers as a frame, cells and the curve left out. */
export function minimapColor(node: Node): string {
  switch (node.type) {
    case 'card':
      return KIND_COLOURS[node.data.kind as CardKind]?.border ?? KIND_COLOURS.note.border;
    case 'stage':
    case 'lane':
      return '#dfe5ea';
    default:
      return 'transparent';
  }
}
