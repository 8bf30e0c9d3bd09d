import type { Hono } from 'hono';
import {
  createBoardRequestSchema,
  defaultCurrencyFor,
  dunningLanguage,
  dunningProcessFrom,
  generateDunningBoard,
  isValidId,
  templatesQuerySchema,
  type Board,
  type BoardListResponse,
  type BoardTemplate,
  type Currency,
  type DunningProcessRequest,
  type CreatedBoardResponse,
  type TemplateSummaryResponse,
} from '@rejse/shared';
import type { TemplatePreview } from '@rejse/templates';
import { issueBoardTokens } from '../auth/tokens.ts';
import { createBoardFromTemplate } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardMeta } from '../storage/documents.ts';
import type { BoardStore } from '../storage/store.ts';
import { isAdminRequest, requireBoardAccess, type AuthDeps } from './auth.ts';
import { jsonBody, validate } from './body.ts';
import { boardNotFound, HttpError } from './errors.ts';
import { perAddressLimit } from './rate-limit.ts';
import { boardLink } from './tokens.ts';

/**
 * The templates (18 boards, validated when their module loads) are read on the first request
 * that needs them, not at start: a server at rest does not hold them (memory at rest, BENCHMARKS.md).
 */
let templatesModule: Promise<typeof import('@rejse/templates')> | undefined;
const loadTemplates = (): Promise<typeof import('@rejse/templates')> => (templatesModule ??= import('@rejse/templates'));

/** Template previews are computed once per template (templates never change while running). */
const previews = new WeakMap<object, TemplatePreview>();
function previewOf(template: { board: Board }, templatePreview: (board: Board) => TemplatePreview): TemplatePreview {
  let preview = previews.get(template);
  if (!preview) {
    preview = templatePreview(template.board);
    previews.set(template, preview);
  }
  return preview;
}

/** A board generated from a dunning process, as a template (so it gets fresh ids like any other). */
function generatedTemplate(process: DunningProcessRequest, locale: string | undefined, currency: Currency | undefined): BoardTemplate {
  const tag = locale ?? 'en';
  const board = generateDunningBoard(dunningProcessFrom(process, currency ?? defaultCurrencyFor(tag)), dunningLanguage(tag));
  return { id: 'dunning-process', title: board.title, description: '', board };
}

/** Reads a board as plain data (the sync layer answers from the live document when it is loaded). */
export interface BoardReader {
  readBoard(id: string): Board | undefined;
}

export interface BoardRoutesDeps extends AuthDeps {
  store: BoardStore;
  boards: BoardReader;
  /** Board creations per client address per minute. */
  createPerMinute: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const listItem = (meta: BoardMeta) => ({
  id: meta.id,
  title: meta.title,
  createdAt: iso(meta.createdAt),
  updatedAt: iso(meta.updatedAt),
});

export function mountBoardRoutes(app: Hono, deps: BoardRoutesDeps): void {
  app.post(
    '/api/boards',
    perAddressLimit(deps.createPerMinute, 'new boards'),
    jsonBody(SERVER_LIMITS.httpBodyBytes),
    validate('json', createBoardRequestSchema),
    async (c) => {
      const input = c.req.valid('json');
      const { DEFAULT_TEMPLATE_ID, TEMPLATES, findTemplate } = await loadTemplates();
      const templateId = input.template ?? DEFAULT_TEMPLATE_ID;
      // The template in the board's language (English when there is no translation), or a
      // board generated from the dunning process described.
      const template = input.dunning
        ? generatedTemplate(input.dunning, input.locale, input.currency)
        : findTemplate(templateId, input.locale);
      if (!template) {
        const known = TEMPLATES.map((t) => t.id).join(', ');
        throw new HttpError(400, 'unknown-template', `unknown template "${templateId}" (known templates: ${known})`, {
          field: 'template',
        });
      }
      const { meta } = createBoardFromTemplate(deps.store, template, {
        now: deps.now(),
        ...(input.title ? { title: input.title } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
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
        } satisfies CreatedBoardResponse,
        201,
      );
    },
  );

  // Nobody lists everyone's boards, except the operator with the admin token.
  app.get('/api/boards', (c) => {
    if (!isAdminRequest(c, deps)) throw new HttpError(403, 'forbidden', 'listing all boards needs the admin token');
    return c.json(deps.store.documents.list().map(listItem) satisfies BoardListResponse);
  });

  app.get('/api/boards/:id', (c) => {
    const id = c.req.param('id');
    requireBoardAccess(c, deps, id, 'viewer');
    const board = isValidId(id) ? deps.boards.readBoard(id) : undefined;
    if (!board) throw boardNotFound(id);
    return c.json(board);
  });

  // `?locale=da` lists the templates in that language (English when there is no translation).
  app.get('/api/templates', validate('query', templatesQuerySchema), async (c) => {
    const { listTemplates, templatePreview } = await loadTemplates();
    return c.json(
      listTemplates(c.req.valid('query').locale).map(
        (t): TemplateSummaryResponse => ({
          id: t.id,
          title: t.title,
          description: t.description,
          stages: t.board.stages.length,
          cards: t.board.cards.length,
          // Counts, emotion curve and a text-free SVG thumbnail for the gallery.
          preview: previewOf(t, templatePreview),
        }),
      ),
    );
  });
}
