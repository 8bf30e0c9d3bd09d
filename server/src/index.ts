/** The server package's public surface (tests, benchmarks, tools). */
import path from 'node:path';
import { DATABASE_FILE } from './config.ts';
import { checkSqliteIntegrity, createSqliteStore } from './storage/sqlite-store.ts';
import type { BoardStorageStats } from './storage/store.ts';

export { loadConfig, SERVER_LIMITS, DATABASE_FILE, type ServerConfig } from './config.ts';
export { startRejseServer, type RejseServer, type StartOptions } from './server.ts';
export { createApp, type AppDeps } from './http/app.ts';
export { createLogger, silentLogger, type Logger, type LogLevel } from './log.ts';
export { checkSqliteIntegrity, createSqliteStore } from './storage/sqlite-store.ts';
export { createMemoryStore } from './storage/memory-store.ts';
export type { BoardMeta, BoardStore, BoardStorageStats, StoredBoardState } from './storage/store.ts';
export { RoomManager, type RoomStats } from './sync/rooms.ts';

/**
 * Storage figures of one board, read from a data directory's database file with a
 * read-only connection (safe while the server runs). Undefined for an unknown board.
 */
export function readBoardStorageStats(dataDir: string, boardId: string): BoardStorageStats | undefined {
  const store = createSqliteStore(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return store.stats(boardId);
  } finally {
    store.close();
  }
}

/** `PRAGMA integrity_check` of a data directory's database file, read-only: `['ok']` when sound. */
export function checkDatabaseIntegrity(dataDir: string): string[] {
  return checkSqliteIntegrity(path.join(dataDir, DATABASE_FILE));
}
