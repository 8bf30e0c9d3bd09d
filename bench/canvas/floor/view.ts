/// <reference lib="dom" />
/** The floor page's view (see page.ts): one React Flow card node, as `.react-flow__node-card`, which the load probe waits for. */
import { ReactFlow, type Node, type NodeProps } from '@xyflow/react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

type CountNode = Node<{ cards: number }, 'card'>;

const CountCard = ({ data }: NodeProps<CountNode>) => createElement('div', null, `${data.cards} cards`);
const NODE_TYPES = { card: CountCard };

export function mountView(root: HTMLElement, cards: number): void {
  const nodes: CountNode[] = [{ id: 'cards', type: 'card', position: { x: 0, y: 0 }, data: { cards } }];
  createRoot(root).render(
    createElement(
      'div',
      { style: { width: '100vw', height: '100vh' } },
      createElement(ReactFlow, { nodes, edges: [], nodeTypes: NODE_TYPES }),
    ),
  );
}
