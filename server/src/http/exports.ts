import type { Context, Hono } from 'hono';
import {
  actionListCsv,
  actionListMarkdown,
  actionsCsvFileName,
  boardMarkdown,
  createBoardId,
  defaultCsvSeparator,
  csvExportQuerySchema,
  exportFileName,
  mapSvg,
  exportLabelsFor,
  exportQuerySchema,
  copyTitle,
  migrateBoardJson,
  readBoardFile,
  readPrioritySettings,
  readPeople,
  readVoteCounts,
  reportParticipants,
  safeLocale,
  reportModel,
  reportQuerySchema,
  type Board,
  type ImportedBoardResponse,
  type PrioritySettings,
  type RankBy,
  type VoteCounts,
} from '@rejse/shared';
import { issueBoardTokens } from '../auth/tokens.ts';
import { encodeInitialState } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardStore } from '../storage/store.ts';
import { boardRole, type AuthDeps } from './auth.ts';
import { checkedJson, jsonBody, validate } from './body.ts';
import { boardNotFound, errorResponse, HttpError } from './errors.ts';
import { perAddressLimit } from './rate-limit.ts';
import type { LiveBoards } from './live.ts';
import { renderCommentsAppendix, reportComments } from './report-comments.ts';
import { renderReportHtml } from './report-html.ts';
import { boardLink } from './tokens.ts';

export interface ExportRoutesDeps extends AuthDeps {
  store: BoardStore;
  live: LiveBoards;
  /** Imports per client address per minute. */
  importPerMinute: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems named in a refused import: enough to fix the file, not a wall of text. */
const IMPORT_PROBLEMS_SHOWN = 5;

interface BoardForExport {
  board: Board;
  votes: VoteCounts;
  settings: PrioritySettings;
}

/** `attachment; filename="…"` (the slug is ASCII, so no RFC 5987 encoding is needed). */
const disposition = (kind: 'attachment' | 'inline', filename: string): string => `${kind}; filename="${filename}"`;

function fileResponse(c: Context, body: string, type: string, filename: string, kind: 'attachment' | 'inline' = 'attachment') {
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Disposition': disposition(kind, filename),
    // A board's content is private to its link holders: never keep it in shared caches.
    'Cache-Control': 'private, no-store',
  });
}

/**
 * Exports a manager can script (`curl -H "Authorization: Bearer <link token>" …`) and the
 * board import. Any of the board's links (viewer or better) may export; importing needs no
 * link, like creating a board, and always makes a NEW board — it never writes over one.
 *
 * - `GET /api/boards/:id/actions.csv?sep=;|,&top=N&by=…` — UTF-8 with BOM, formula-safe
 * - `GET /api/boards/:id/actions.md?top=N&by=…`, `/board.md`
 * - `GET /api/boards/:id/board.json` — the plain board, schema-valid, importable
 * - `GET /api/boards/:id/report.html?top=N&tz=Europe/Copenhagen` — printable report
 * - `POST /api/boards/import` — a board JSON file (≤ 8 MiB) → 201 like `POST /api/boards`
 *
 * `by` and `top` default to the facilitator's ranking and cut line on the board.
 */
export function mountExportRoutes(app: Hono, deps: ExportRoutesDeps): void {
  /** The board, its votes and ranking settings (the route's `boardRole` has checked the caller). */
  const load = (c: Context): BoardForExport => {
    const id = c.req.param('id') ?? '';
    const found = deps.live.read(id, (doc) => ({
      board: readBoardFile(doc, id),
      votes: readVoteCounts(doc),
      settings: readPrioritySettings(doc),
    }));
    if (!found) throw boardNotFound(id);
    return found;
  };

  /** `by` and `top` from the query, else the facilitator's choices on the board. */
  const rankingOf = (query: { by?: RankBy | undefined; top?: number | undefined }, settings: PrioritySettings) => ({
    by: query.by ?? settings.rankBy,
    topN: query.top ?? settings.topN,
  });
  const viewer = boardRole(deps, 'viewer');

  app.get('/api/boards/:id/actions.csv', viewer, validate('query', csvExportQuerySchema), (c) => {
    const { board, votes, settings } = load(c);
    const query = c.req.valid('query');
    const { by } = rankingOf(query, settings);
    // Every action goes in the file unless `top` asks for the cut; a spreadsheet can filter.
    const cut = query.top === undefined ? {} : { topN: query.top };
    // Headers and words in the board's language; ';' and decimal commas where its locale expects them.
    const labels = exportLabelsFor(board.locale);
    const separator = query.sep ?? defaultCsvSeparator(safeLocale(board.locale));
    const csv = actionListCsv(board, { votes, by, labels, separator, ...cut });
    return fileResponse(c, csv, 'text/csv; charset=utf-8; header=present', actionsCsvFileName(board.title, separator));
  });

  app.get('/api/boards/:id/actions.md', viewer, validate('query', exportQuerySchema), (c) => {
    const { board, votes, settings } = load(c);
    const { by, topN } = rankingOf(c.req.valid('query'), settings);
    return fileResponse(
      c,
      actionListMarkdown(board, { votes, by, topN, labels: exportLabelsFor(board.locale) }),
      'text/markdown; charset=utf-8',
      exportFileName(board.title, 'md', 'actions'),
    );
  });

  app.get('/api/boards/:id/board.md', viewer, (c) => {
    const { board, votes } = load(c);
    return fileResponse(
      c,
      boardMarkdown(board, { votes, generatedAt: new Date(deps.now()), labels: exportLabelsFor(board.locale) }),
      'text/markdown; charset=utf-8',
      exportFileName(board.title, 'md', 'board'),
    );
  });

  app.get('/api/boards/:id/board.json', viewer, (c) => {
    const { board } = load(c);
    return fileResponse(c, `${JSON.stringify(board, null, 2)}\n`, 'application/json; charset=utf-8', exportFileName(board.title, 'json'));
  });

  app.get('/api/boards/:id/report.html', viewer, validate('query', reportQuerySchema), (c) => {
    const { board, votes, settings } = load(c);
    const query = c.req.valid('query');
    const { by, topN } = rankingOf(query, settings);
    // Everyone who named themselves on the board, as the in-app report lists them (unnamed people left out).
    const participants = deps.live.read(board.id, (doc) => reportParticipants(readPeople(doc).values(), board.locale)) ?? [];
    const model = reportModel(board, {
      votes,
      by,
      topN,
      participants,
      generatedAt: new Date(deps.now()),
      ...(query.tz ? { timeZone: query.tz } : {}),
    });
    // The comment threads as an appendix, when asked for (`?comments=1`).
    const appendix =
      query.comments === '1'
        ? deps.live.read(board.id, (doc) => renderCommentsAppendix(reportComments(doc, board, model.locale), model.locale))
        : undefined;
    return fileResponse(
      c,
      renderReportHtml(model, { boardId: board.id, mapSvg: mapSvg(board).svg, ...(appendix ? { appendix } : {}) }),
      'text/html; charset=utf-8',
      exportFileName(board.title, 'html', 'report'),
      'inline',
    );
  });

  app.post('/api/boards/import', perAddressLimit(deps.importPerMinute, 'imports'), jsonBody(SERVER_LIMITS.httpImportBodyBytes), (c) => {
    const raw = checkedJson(c);
    if (raw === undefined) {
      throw new HttpError(400, 'invalid-board-file', 'the file is empty: send a board exported from Rejse (board.json)');
    }
    const id = createBoardId();
    // The file's own id is never used: an import always makes a new board.
    const migrated = migrateBoardJson(isPlainObject(raw) ? { ...raw, id } : raw);
    if (!migrated.ok) {
      const problems = migrated.errors.slice(0, IMPORT_PROBLEMS_SHOWN);
      return errorResponse(c, 400, 'invalid-board-file', `the file is not a board Rejse can import: ${problems.join('; ')}`, {
        problems,
        ...(migrated.refusal ? { reason: migrated.refusal } : {}),
      });
    }
    // The copy says it is one, in the board's language; the file's votes and ranking come along.
    const board = { ...migrated.value, title: copyTitle(migrated.value.title, migrated.value.locale) };
    const state = encodeInitialState(board);
    if (state.byteLength > SERVER_LIMITS.boardBytes) {
      throw new HttpError(
        413,
        'board-too-large',
        `the board is too large to store (${state.byteLength} bytes; the limit is ${SERVER_LIMITS.boardBytes})`,
      );
    }
    const now = deps.now();
    deps.store.documents.create({ id, title: board.title, createdAt: now, updatedAt: now }, state);
    const tokens = issueBoardTokens(deps.store, id, now);
    return c.json(
      {
        id,
        title: board.title,
        url: `/b/${id}`,
        createdAt: new Date(now).toISOString(),
        role: 'facilitator',
        token: tokens.facilitator,
        links: {
          facilitator: boardLink(id, tokens.facilitator),
          editor: boardLink(id, tokens.editor),
          viewer: boardLink(id, tokens.viewer),
        },
        importedFromVersion: migrated.fromVersion ?? board.schemaVersion,
      } satisfies ImportedBoardResponse,
      201,
    );
  });
}
