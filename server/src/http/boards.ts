import type { Hono } from 'hono';
import { LIMITS, isValidId, type Board } from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, findTemplate } from '@rejse/templates';
import { issueBoardTokens } from '../auth/tokens.ts';
import { createBoardFromTemplate } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardMeta, BoardStore } from '../storage/store.ts';
import { isAdminRequest, requireBoardAccess, type AuthDeps } from './auth.ts';
import { readJsonBody, isPlainObject } from './body.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import { boardLink } from './tokens.ts';

/** Reads a board as plain data (the sync layer answers from the live document when it is loaded). */
export interface BoardReader {
  readBoard(id: string): Board | undefined;
}

export interface BoardRoutesDeps extends AuthDeps {
  store: BoardStore;
  boards: BoardReader;
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
    // The creator gets all three secret links; only their hashes are kept.
    const tokens = issueBoardTokens(deps.store, meta.id, deps.now());
    return c.json(
      {
        id: meta.id,
        title: meta.title,
        url: `/b/${meta.id}`,
        createdAt: iso(meta.createdAt),
        role: 'facilitator',
        token: tokens.facilitator,
        links: {
          facilitator: boardLink(meta.id, tokens.facilitator),
          editor: boardLink(meta.id, tokens.editor),
          viewer: boardLink(meta.id, tokens.viewer),
        },
      },
      201,
    );
  });

  // Nobody lists everyone's boards, except the operator with the admin token.
  app.get('/api/boards', (c) => {
    if (!isAdminRequest(c, deps)) throw new HttpError(403, 'listing all boards needs the admin token');
    return c.json(deps.store.list().map(listItem));
  });

  app.get('/api/boards/:id', (c) => {
    const id = c.req.param('id');
    requireBoardAccess(c, deps, id, 'viewer');
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
