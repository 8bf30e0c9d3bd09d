import type { Hono } from 'hono';
import { CURRENCIES, LIMITS, isValidId, type Board, type Currency } from '@rejse/shared';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, findTemplate, listTemplates, templatePreview, type TemplatePreview } from '@rejse/templates';
import { issueBoardTokens } from '../auth/tokens.ts';
import { createBoardFromTemplate } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardMeta } from '../storage/documents.ts';
import type { BoardStore } from '../storage/store.ts';
import { isAdminRequest, requireBoardAccess, type AuthDeps } from './auth.ts';
import { readJsonBody, isPlainObject } from './body.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import { boardLink } from './tokens.ts';

/** Template previews are computed once per template (templates never change while running). */
const previews = new WeakMap<object, TemplatePreview>();
function previewOf(template: { board: Board }): TemplatePreview {
  let preview = previews.get(template);
  if (!preview) {
    preview = templatePreview(template.board);
    previews.set(template, preview);
  }
  return preview;
}

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
  /** The board's locale (BCP 47, canonical); also picks the template's language. */
  locale?: string;
  currency?: Currency;
}

/** A BCP 47 tag in canonical form, or undefined when it is not one. */
function canonicalLocale(tag: string): string | undefined {
  try {
    const canonical = Intl.getCanonicalLocales(tag.trim())[0];
    return canonical && canonical.length <= 35 ? canonical : undefined;
  } catch {
    return undefined;
  }
}

function parseCreateBoard(body: unknown): CreateBoardInput {
  if (body === undefined) return { template: DEFAULT_TEMPLATE_ID };
  if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object like {"title": "…", "template": "blank"}');
  const { title, template, locale, currency } = body;
  if (title !== undefined && typeof title !== 'string') throw badRequest('title must be a string');
  if (template !== undefined && typeof template !== 'string') throw badRequest('template must be a string');
  const canonical = typeof locale === 'string' ? canonicalLocale(locale) : undefined;
  if (locale !== undefined && !canonical) throw badRequest('locale must be a language tag such as "da" or "sv-SE"');
  if (currency !== undefined && !(CURRENCIES as readonly unknown[]).includes(currency)) {
    throw badRequest(`currency must be one of ${CURRENCIES.join(', ')}`);
  }
  const trimmed = title?.trim();
  if (trimmed !== undefined && trimmed.length > LIMITS.titleLength) {
    throw badRequest(`title is ${trimmed.length} characters long; the limit is ${LIMITS.titleLength}`);
  }
  return {
    template: template ?? DEFAULT_TEMPLATE_ID,
    ...(trimmed ? { title: trimmed } : {}),
    ...(canonical ? { locale: canonical } : {}),
    ...(currency !== undefined ? { currency: currency as Currency } : {}),
  };
}

export function mountBoardRoutes(app: Hono, deps: BoardRoutesDeps): void {
  app.post('/api/boards', async (c) => {
    const input = parseCreateBoard(await readJsonBody(c, SERVER_LIMITS.httpBodyBytes));
    // The template in the board's language (English when there is no translation).
    const template = findTemplate(input.template, input.locale);
    if (!template) {
      const known = TEMPLATES.map((t) => t.id).join(', ');
      throw badRequest(`unknown template "${input.template}" (known templates: ${known})`);
    }
    const { meta } = createBoardFromTemplate(deps.store, template, {
      now: deps.now(),
      ...(input.title !== undefined ? { title: input.title } : {}),
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
      },
      201,
    );
  });

  // Nobody lists everyone's boards, except the operator with the admin token.
  app.get('/api/boards', (c) => {
    if (!isAdminRequest(c, deps)) throw new HttpError(403, 'listing all boards needs the admin token');
    return c.json(deps.store.documents.list().map(listItem));
  });

  app.get('/api/boards/:id', (c) => {
    const id = c.req.param('id');
    requireBoardAccess(c, deps, id, 'viewer');
    const board = isValidId(id) ? deps.boards.readBoard(id) : undefined;
    if (!board) throw notFound(`unknown board "${id.slice(0, 80)}"`);
    return c.json(board);
  });

  // `?locale=da` lists the templates in that language (English when there is no translation).
  app.get('/api/templates', (c) =>
    c.json(
      listTemplates(c.req.query('locale')).map((t) => ({
        id: t.id,
        title: t.title,
        description: t.description,
        stages: t.board.stages.length,
        cards: t.board.cards.length,
        // Counts, emotion curve and a text-free SVG thumbnail for the gallery.
        preview: previewOf(t),
      })),
    ),
  );
}
