import { z } from 'zod';
import { ROLES } from '../facilitation/roles.ts';
import { CURRENCIES } from '../schema/board.ts';
import { LIMITS } from '../schema/limits.ts';
import { canonicalLocale } from '../i18n/locales.ts';
import { dunningProcessRequestSchema } from './dunning-process.ts';
import { lazySchema } from './lazy.ts';

const LOCALE_ERROR = 'locale must be a language tag such as "da" or "sv-SE"';

/** `POST /api/boards` (the body may be empty: the blank template in English; `dunning`: a generated board). */
export const createBoardRequestSchema = lazySchema(() =>
  z
    .object(
      {
        /** Trimmed; an empty title takes the template's. */
        title: z
          .string({ error: 'title must be a string' })
          .trim()
          .max(LIMITS.titleLength, { error: `title is longer than the limit of ${LIMITS.titleLength} characters` })
          .optional(),
        /** A template id (`GET /api/templates`); the server names the known ones when it is unknown. */
        template: z.string({ error: 'template must be a string' }).max(100, { error: 'template is not a known template id' }).optional(),
        /** The board's locale (canonical BCP 47); also picks the template's language. */
        locale: z
          .string({ error: LOCALE_ERROR })
          .transform((tag, ctx) => {
            const canonical = canonicalLocale(tag);
            if (canonical === undefined) ctx.addIssue({ code: 'custom', message: LOCALE_ERROR });
            return canonical ?? tag;
          })
          .optional(),
        currency: z.enum(CURRENCIES, { error: `currency must be one of ${CURRENCIES.join(', ')}` }).optional(),
        /** Instead of a template: a board generated from this dunning process, in the board's language. */
        dunning: dunningProcessRequestSchema.optional(),
      },
      { error: 'the request body must be a JSON object like {"title": "…", "template": "blank"}' },
    )
    .superRefine((request, ctx) => {
      if (request.template !== undefined && request.dunning !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['dunning'],
          message: 'dunning: give either a template or a dunning process, not both',
        });
      }
    }),
);
export type CreateBoardRequest = z.input<typeof createBoardRequestSchema>;

/** Page addresses of the three secret links (`/b/<id>?token=…`), shown at creation (and to the facilitator again, `GET …/links`). */
const boardLinksSchema = lazySchema(() => z.object({ facilitator: z.string(), editor: z.string(), viewer: z.string() }));

/** 201 of `POST /api/boards`: the creator holds the facilitator's link. */
export const createdBoardSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    /** ISO 8601. */
    createdAt: z.string(),
    role: z.literal('facilitator'),
    token: z.string(),
    links: boardLinksSchema,
  }),
);
export type CreatedBoardResponse = z.infer<typeof createdBoardSchema>;

/** `GET /api/boards` (admin token only), newest updated first. */
export const boardListSchema = lazySchema(() =>
  z.array(z.object({ id: z.string(), title: z.string(), createdAt: z.string(), updatedAt: z.string() })),
);
export type BoardListResponse = z.infer<typeof boardListSchema>;

/** `GET /api/boards/:id/access`: the role the caller's token grants. */
export const boardAccessSchema = lazySchema(() => z.object({ boardId: z.string(), role: z.enum(ROLES) }));
export type BoardAccessResponse = z.infer<typeof boardAccessSchema>;

/** `POST /api/boards/:id/links/:role/rotate` path (the facilitator's link needs the admin token). */
export const rotateLinkParamsSchema = lazySchema(() =>
  z.object({
    role: z.enum(ROLES, { error: 'role must be editor or viewer' }),
  }),
);

export const rotatedLinkSchema = lazySchema(() =>
  z.object({
    role: z.enum(ROLES),
    token: z.string(),
    link: z.string(),
    /** Open connections of the old link, closed now. */
    closedConnections: z.number().int().nonnegative(),
  }),
);
export type RotatedLinkResponse = z.infer<typeof rotatedLinkSchema>;

const count = lazySchema(() => z.number().int().nonnegative());

/**
 * `GET /api/boards/:id/links` (facilitator): the links shown again, on any device. A link is
 * null when it cannot be shown again (made before links were sealed, or with the admin token):
 * a new one has to be made. `connections` counts who is on each link now — who a new link
 * for that role would cut off.
 */
export const shownLinksSchema = lazySchema(() =>
  z.object({
    links: z.object({ facilitator: z.string().nullable(), editor: z.string().nullable(), viewer: z.string().nullable() }),
    connections: z.object({ facilitator: count, editor: count, viewer: count }),
  }),
);
export type ShownLinksResponse = z.infer<typeof shownLinksSchema>;

/** `GET /api/templates?locale=…`: the gallery. */
export const templatesQuerySchema = lazySchema(() => z.object({ locale: z.string().max(100).optional() }));

export const templateSummarySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    stages: z.number().int().nonnegative(),
    cards: z.number().int().nonnegative(),
    preview: z.object({
      stages: z.array(z.string()),
      counts: z.object({
        touchpoints: z.number().int().nonnegative(),
        pains: z.number().int().nonnegative(),
        ideas: z.number().int().nonnegative(),
        notes: z.number().int().nonnegative(),
      }),
      /** Mean emotion per stage (−2…+2), null where a stage has none. */
      emotionCurve: z.array(z.number().nullable()),
      /** Text-free SVG built from numbers only; shown as an image, never as markup. */
      svg: z.string().startsWith('<svg'),
    }),
  }),
);
export const templateListSchema = lazySchema(() => z.array(templateSummarySchema));
export type TemplateSummaryResponse = z.infer<typeof templateSummarySchema>;

/** `GET /api/time`: the server clock (epoch ms). */
export const serverTimeSchema = lazySchema(() => z.object({ now: z.number() }));
