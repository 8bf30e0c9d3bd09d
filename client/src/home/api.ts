/**
 * The HTTP API the home page uses (see the server's routes); errors are JSON `{ error }`.
 * There is no board list: the server lists boards only for its operator, so the home page
 * shows the boards this browser has opened (`app/knownBoards.ts`).
 */
export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  /** Stage and card counts (or the lists themselves). */
  stages: number;
  cards: number;
  /** A thumbnail and card counts by kind, when the server sends them. */
  preview: TemplatePreviewSummary | null;
}

export interface TemplatePreviewSummary {
  /** A text-free SVG drawn by the server from numbers only; shown as an image, never as markup. */
  svg: string;
  counts: { touchpoints: number; pains: number; ideas: number; notes: number };
}

function asPreview(value: unknown): TemplatePreviewSummary | null {
  const preview = asRecord(value);
  const svg = asString(preview.svg);
  if (!svg.startsWith('<svg')) return null;
  const counts = asRecord(preview.counts);
  return {
    svg,
    counts: {
      touchpoints: asCount(counts.touchpoints),
      pains: asCount(counts.pains),
      ideas: asCount(counts.ideas),
      notes: asCount(counts.notes),
    },
  };
}

export interface CreatedBoard {
  id: string;
  title: string;
  url: string;
  /** The creator's secret token (the facilitator's link), when the server issues links. */
  token: string | null;
  role: string | null;
  /** The editor's and viewer's links (`/b/<id>?token=…`), shown only now: the facilitator keeps them to share. */
  links: { editor?: string; viewer?: string };
}

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request(path: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : '';
    throw new ApiError(response.status, message);
  }
  return body;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asCount = (value: unknown): number =>
  Array.isArray(value) ? value.length : typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** The templates in `locale`'s language (the server falls back to English). */
export async function listTemplates(locale?: string): Promise<TemplateSummary[]> {
  const body = await request(locale ? `/api/templates?locale=${encodeURIComponent(locale)}` : '/api/templates');
  if (!Array.isArray(body)) return [];
  return body
    .map(asRecord)
    .filter((t) => typeof t.id === 'string')
    .map((t) => ({
      id: asString(t.id),
      title: asString(t.title),
      description: asString(t.description),
      stages: asCount(t.stages),
      cards: asCount(t.cards),
      preview: asPreview(t.preview),
    }));
}

export async function createBoard(input: {
  title?: string;
  template?: string;
  /** The board's locale: the template's language, and how exports write numbers and dates. */
  locale?: string;
  currency?: string;
}): Promise<CreatedBoard> {
  const body = asRecord(
    await request('/api/boards', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
  );
  const id = asString(body.id);
  return {
    id,
    title: asString(body.title),
    url: asString(body.url) || `/b/${encodeURIComponent(id)}`,
    token: asString(body.token) || null,
    links: {
      ...(asString(asRecord(body.links).editor) ? { editor: asString(asRecord(body.links).editor) } : {}),
      ...(asString(asRecord(body.links).viewer) ? { viewer: asString(asRecord(body.links).viewer) } : {}),
    },
    role: asString(body.role) || null,
  };
}
