import type { Context, Hono } from 'hono';
import {
  actionListCsv,
  actionListMarkdown,
  boardMarkdown,
  createBoardId,
  docToBoard,
  exportFileName,
  exportLabelsFor,
  isRankBy,
  migrateBoardJson,
  parseTopN,
  readPrioritySettings,
  readVoteCounts,
  reportModel,
  type Board,
  type CsvSeparator,
  type PrioritySettings,
  type VoteCounts,
} from '@rejse/shared';
import { issueBoardTokens } from '../auth/tokens.ts';
import { encodeInitialState } from '../boards/create.ts';
import { SERVER_LIMITS } from '../config.ts';
import type { BoardStore } from '../storage/store.ts';
import { requireBoardAccess, type AuthDeps } from './auth.ts';
import { isPlainObject, readJsonBody } from './body.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import type { LiveBoards } from './live.ts';
import { renderReportHtml } from './report-html.ts';
import { reportLabelsFor } from './report-labels.ts';
import { boardLink } from './tokens.ts';

export interface ExportRoutesDeps extends AuthDeps {
  store: BoardStore;
  live: LiveBoards;
}

/** Problems named in a refused import: enough to fix the file, not a wall of text. */
export const IMPORT_PROBLEMS_SHOWN = 5;

interface BoardForExport {
  board: Board;
  votes: VoteCounts;
  settings: PrioritySettings;
}

const SEPARATORS: Readonly<Record<string, CsvSeparator>> = {
  ';': ';',
  ',': ',',
  semicolon: ';',
  comma: ',',
};

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
  const load = (c: Context): BoardForExport => {
    const id = c.req.param('id') ?? '';
    requireBoardAccess(c, deps, id, 'viewer');
    const found = deps.live.read(id, (doc) => ({
      board: docToBoard(doc, id),
      votes: readVoteCounts(doc),
      settings: readPrioritySettings(doc),
    }));
    if (!found) throw notFound(`unknown board "${id.slice(0, 80)}"`);
    return found;
  };

  const rankingOf = (c: Context, settings: PrioritySettings) => {
    const by = c.req.query('by');
    if (by !== undefined && !isRankBy(by)) throw badRequest('by must be one of score, votes, impact-effort, manual');
    const top = c.req.query('top');
    const topN = top === undefined ? settings.topN : parseTopN(top);
    if (topN === undefined) throw badRequest('top must be a whole number of at least 1');
    return { by: by ?? settings.rankBy, topN };
  };

  app.get('/api/boards/:id/actions.csv', (c) => {
    const { board, votes, settings } = load(c);
    const sep = c.req.query('sep');
    const separator = sep === undefined || sep === '' ? undefined : SEPARATORS[sep];
    if (sep !== undefined && sep !== '' && !separator) throw badRequest('sep must be ";" or ","');
    const { by, topN } = rankingOf(c, settings);
    // Every action goes in the file unless `top` asks for the cut; a spreadsheet can filter.
    const cut = c.req.query('top') === undefined ? {} : { topN };
    // Headers and words in the board's language; ';' and decimal commas where its locale expects them.
    const labels = exportLabelsFor(board.locale);
    const csv = actionListCsv(board, { votes, by, labels, ...(separator ? { separator } : {}), ...cut });
    return fileResponse(c, csv, 'text/csv; charset=utf-8; header=present', exportFileName(board.title, 'csv', 'actions'));
  });

  app.get('/api/boards/:id/actions.md', (c) => {
    const { board, votes, settings } = load(c);
    const { by, topN } = rankingOf(c, settings);
    return fileResponse(
      c,
      actionListMarkdown(board, { votes, by, topN, labels: exportLabelsFor(board.locale) }),
      'text/markdown; charset=utf-8',
      exportFileName(board.title, 'md', 'actions'),
    );
  });

  app.get('/api/boards/:id/board.md', (c) => {
    const { board, votes } = load(c);
    return fileResponse(
      c,
      boardMarkdown(board, { votes, generatedAt: new Date(deps.now()), labels: exportLabelsFor(board.locale) }),
      'text/markdown; charset=utf-8',
      exportFileName(board.title, 'md', 'board'),
    );
  });

  app.get('/api/boards/:id/board.json', (c) => {
    const { board } = load(c);
    return fileResponse(c, `${JSON.stringify(board, null, 2)}\n`, 'application/json; charset=utf-8', exportFileName(board.title, 'json'));
  });

  app.get('/api/boards/:id/report.html', (c) => {
    const { board, votes, settings } = load(c);
    const { by, topN } = rankingOf(c, settings);
    const tz = c.req.query('tz');
    const model = reportModel(board, { votes, by, topN, generatedAt: new Date(deps.now()), ...(tz ? { timeZone: tz } : {}) });
    return fileResponse(
      c,
      renderReportHtml(model, {
        boardId: board.id,
        labels: exportLabelsFor(board.locale),
        reportLabels: reportLabelsFor(board.locale),
      }),
      'text/html; charset=utf-8',
      exportFileName(board.title, 'html', 'report'),
      'inline',
    );
  });

  app.post('/api/boards/import', async (c) => {
    const raw = await readJsonBody(c, SERVER_LIMITS.httpImportBodyBytes);
    if (raw === undefined) throw badRequest('the file is empty: send a board exported from Rejse (board.json)');
    const id = createBoardId();
    // The file's own id is never used: an import always makes a new board.
    const migrated = migrateBoardJson(isPlainObject(raw) ? { ...raw, id } : raw);
    if (!migrated.ok) {
      const problems = migrated.errors.slice(0, IMPORT_PROBLEMS_SHOWN);
      return c.json({ error: `the file is not a board Rejse can import: ${problems.join('; ')}`, problems }, 400);
    }
    const board = migrated.value;
    const state = encodeInitialState(board);
    if (state.byteLength > SERVER_LIMITS.boardBytes) {
      throw new HttpError(413, `the board is too large to store (${state.byteLength} bytes; the limit is ${SERVER_LIMITS.boardBytes})`);
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
      },
      201,
    );
  });
}
