/**
 * Boards this browser has opened, with the secret token of the link it came through.
 * The server lists nobody's boards (only the operator's admin token may), so this list is
 * what the home page shows, and the token is what the board's connection presents.
 * Local to this browser profile; never sent anywhere except as the board's own token.
 */
export interface KnownBoard {
  id: string;
  title: string;
  /** The secret link token (facilitator, editor or viewer), if the board was opened through one. */
  token: string | null;
  role: string | null;
  /** When this browser last opened the board (ms since epoch). */
  openedAt: number;
}

const KEY = 'rejse.boards';
const MAX_BOARDS = 200;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Blocked storage (private mode, sandbox): nothing is remembered.
    return null;
  }
}

function isKnownBoard(value: unknown): value is KnownBoard {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    (v.token === null || typeof v.token === 'string') &&
    (v.role === null || typeof v.role === 'string') &&
    typeof v.openedAt === 'number'
  );
}

export function readKnownBoards(storage: StorageLike | null = defaultStorage()): KnownBoard[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isKnownBoard) : [];
  } catch {
    return [];
  }
}

function write(boards: KnownBoard[], storage: StorageLike | null): void {
  try {
    storage?.setItem(KEY, JSON.stringify(boards.slice(0, MAX_BOARDS)));
  } catch {
    // Full or blocked storage: the board still works for this visit.
  }
}

/** Adds or updates a board; fields left out keep their stored value. Most recent first. */
export function rememberBoard(
  entry: { id: string } & Partial<Omit<KnownBoard, 'id'>>,
  storage: StorageLike | null = defaultStorage(),
): KnownBoard {
  const boards = readKnownBoards(storage);
  const previous = boards.find((b) => b.id === entry.id);
  const next: KnownBoard = {
    id: entry.id,
    title: entry.title ?? previous?.title ?? '',
    token: entry.token !== undefined ? entry.token : (previous?.token ?? null),
    role: entry.role !== undefined ? entry.role : (previous?.role ?? null),
    openedAt: entry.openedAt ?? previous?.openedAt ?? Date.now(),
  };
  write(
    [next, ...boards.filter((b) => b.id !== entry.id)].sort((a, b) => b.openedAt - a.openedAt),
    storage,
  );
  return next;
}

/** What this browser remembers of one board, if anything. */
export function findKnownBoard(id: string, storage: StorageLike | null = defaultStorage()): KnownBoard | undefined {
  return readKnownBoards(storage).find((b) => b.id === id);
}

export function knownToken(id: string, storage: StorageLike | null = defaultStorage()): string | null {
  return findKnownBoard(id, storage)?.token ?? null;
}

/**
 * Takes a secret link's `?token=` out of the address (so it is not bookmarked, shared by
 * accident or left in the history) and returns it.
 */
export function takeTokenFromAddress(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  history: Pick<History, 'replaceState'> & { state?: unknown },
): string | null {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (!token) return null;
  params.delete('token');
  const search = params.toString();
  history.replaceState(history.state ?? null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  return token;
}
