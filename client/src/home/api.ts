import {
  createdBoardSchema,
  importedBoardSchema,
  readApiAnswer,
  templateListSchema,
  type ApiErrorCode,
  type ApiFailure,
  type ApiSchema,
  type CreateBoardRequest,
  type CreatedBoardResponse,
  type TemplateSummaryResponse,
} from '@rejse/shared';

/**
 * The HTTP API the home page uses, typed and checked by the shared schemas
 * (`@rejse/shared` api/). There is no board list: the server lists boards only for its
 * operator, so the home page shows the boards this browser has opened (`app/knownBoards.ts`).
 */
export type TemplateSummary = TemplateSummaryResponse;

/** A new board; `links` holds the two links the facilitator shares (their own is `token`). */
export interface CreatedBoard extends Omit<CreatedBoardResponse, 'links'> {
  links: { editor: string; viewer: string };
}

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** The server's stable error code (`API_ERROR_CODES`); null when it sent none. */
    readonly code: ApiErrorCode | null = null,
    /** The problems the server named (a refused import). */
    readonly problems: readonly string[] = [],
    /** Why the server refused it, in a word it defines (a refused import: `IMPORT_REFUSAL_REASONS`). */
    readonly reason: ApiFailure['reason'] = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(failure: ApiFailure): ApiError {
    return new ApiError(failure.status, failure.message, failure.code, failure.problems, failure.reason);
  }
}

async function request<T>(path: string, schema: ApiSchema<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  const answer = readApiAnswer(schema, response.status, body);
  if (!answer.ok) throw ApiError.from(answer.failure);
  return answer.value;
}

const postJson = (body: BodyInit): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body,
});

const shareLinksOf = ({ links, ...board }: CreatedBoardResponse): CreatedBoard => ({
  ...board,
  links: { editor: links.editor, viewer: links.viewer },
});

/** The templates in `locale`'s language (the server falls back to English). */
export function listTemplates(locale?: string): Promise<TemplateSummary[]> {
  return request(locale ? `/api/templates?locale=${encodeURIComponent(locale)}` : '/api/templates', templateListSchema);
}

/** A new board from a template; `locale` is its language and how exports write numbers and dates. */
export async function createBoard(input: CreateBoardRequest): Promise<CreatedBoard> {
  return shareLinksOf(await request('/api/boards', createdBoardSchema, postJson(JSON.stringify(input))));
}

/** A board file (JSON exported from Rejse) as a NEW board; a refusal carries the server's problems. */
export async function importBoard(file: Blob): Promise<CreatedBoard> {
  return shareLinksOf(await request('/api/boards/import', importedBoardSchema, postJson(await file.arrayBuffer())));
}
