import type { Hono } from 'hono';
import { LIMITS, isValidId, type Board } from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, findTemplate } from '@rejse/templates';
import { createBoardFromTemplate } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardMeta, BoardStore } from '../storage/store.ts';
import { readJsonBody, isPlainObject } from './body.ts';
import { badRequest, notFound } from './errors.ts';

/** Reads a board as plain data (the sync layer answers from the live document when it is loaded). */
export interface BoardReader {
  readBoard(id: string): Board | undefined;
}

export interface BoardRoutesDeps {
  store: BoardStore;
  boards: BoardReader;
  now: () => number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const listItem = (meta: BoardMeta) => ({
  id: meta.id,
  title: meta.title,
  createdAt: iso(meta.createdAt),
  updatedAt: iso(meta.updatedAt),
});

interface CreateBoardInput {
  title?: string;
  template: string;
}

function parseCreateBoard(body: unknown): CreateBoardInput {
  if (body === undefined) return { template: DEFAULT_TEMPLATE_ID };
  if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object like {"title": "…", "template": "blank"}');
  const { title, template } = body;
  if (title !== undefined && typeof title !== 'string') throw badRequest('title must be a string');
  if (template !== undefined && typeof template !== 'string') throw badRequest('template must be a string');
  const trimmed = title?.trim();
  if (trimmed !== undefined && trimmed.length > LIMITS.titleLength) {
    throw badRequest(`title is ${trimmed.length} characters long; the limit is ${LIMITS.titleLength}`);
  }
  return { template: template ?? DEFAULT_TEMPLATE_ID, ...(trimmed ? { title: trimmed } : {}) };
}

export function mountBoardRoutes(app: Hono, deps: BoardRoutesDeps): void {
  app.post('/api/boards', async (c) => {
    const input = parseCreateBoard(await readJsonBody(c, SERVER_LIMITS.httpBodyBytes));
    const template = findTemplate(input.template);
    if (!template) {
      const known = TEMPLATES.map((t) => t.id).join(', ');
      throw badRequest(`unknown template "${input.template}" (known templates: ${known})`);
    }
    const { meta } = createBoardFromTemplate(deps.store, template, {
      now: deps.now(),
      ...(input.title !== undefined ? { title: input.title } : {}),
    });
    return c.json({ id: meta.id, title: meta.title, url: `/b/${meta.id}`, createdAt: iso(meta.createdAt) }, 201);
  });

  app.get('/api/boards', (c) => c.json(deps.store.list().map(listItem)));

  app.get('/api/boards/:id', (c) => {
    const id = c.req.param('id');
    const board = isValidId(id) ? deps.boards.readBoard(id) : undefined;
    if (!board) throw notFound(`unknown board "${id.slice(0, 80)}"`);
    return c.json(board);
  });

  app.get('/api/templates', (c) =>
    c.json(
      TEMPLATES.map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        stages: t.board.stages.length,
        cards: t.board.cards.length,
      })),
    ),
  );
}
