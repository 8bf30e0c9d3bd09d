import type { Node } from '@xyflow/react';

/** Minimap colours: cards by kind, headers as a frame, cells and the curve left out. */
const KIND_COLOURS: Record<string, string> = {
  touchpoint: '#7aa7d9',
  pain: '#e48a8a',
  idea: '#e9c46a',
  note: '#b9c0c8',
};

export function minimapColor(node: Node): string {
  switch (node.type) {
    case 'card':
      return KIND_COLOURS[String(node.data.kind)] ?? '#b9c0c8';
    case 'stage':
    case 'lane':
      return '#dfe5ea';
    default:
      return 'transparent';
  }
}
