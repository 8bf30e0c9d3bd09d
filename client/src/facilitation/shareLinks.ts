import type { SharedRole } from '@rejse/shared';

/**
 * The editor and viewer links of boards this browser facilitates. The server keeps only
 * hashes, so a link is known once — when the board is created or the link rotated — and
 * the facilitator's browser keeps it here to share it again later.
 */
export type ShareLinks = Partial<Record<SharedRole, string>>;

const key = (boardId: string): string => `rejse.shareLinks.${boardId}`;

export function readShareLinks(boardId: string): ShareLinks {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(key(boardId)) ?? '{}');
    if (!stored || typeof stored !== 'object') return {};
    const out: ShareLinks = {};
    for (const role of ['editor', 'viewer'] as const) {
      const link = (stored as Record<string, unknown>)[role];
      if (typeof link === 'string' && link.startsWith('/b/')) out[role] = link;
    }
    return out;
  } catch {
    return {};
  }
}

export function saveShareLinks(boardId: string, links: ShareLinks): ShareLinks {
  const next = { ...readShareLinks(boardId), ...links };
  try {
    globalThis.localStorage?.setItem(key(boardId), JSON.stringify(next));
  } catch {
    // Not kept: the dialog offers to rotate for a fresh link instead.
  }
  return next;
}
