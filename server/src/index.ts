/** The server package's public surface (tests, benchmarks, tools). */
import path from 'node:path';
import { DATABASE_FILE } from './config.ts';
import type { BoardStorageStats } from './storage/documents.ts';
import { createSqliteDocuments } from './storage/sqlite-documents.ts';
import { checkSqliteIntegrity, withDatabaseCopy } from './storage/sqlite-store.ts';

export { loadConfig, SERVER_LIMITS, DATABASE_FILE, type ServerConfig } from './config.ts';
export { startRejseServer, type RejseServer, type StartOptions } from './server.ts';
export { createApp, type AppDeps } from './http/app.ts';
export { createLogger, silentLogger, type Logger, type LogLevel } from './log.ts';
export { checkSqliteIntegrity, createSqliteStore, DatabaseInUseError } from './storage/sqlite-store.ts';
export { createMemoryStore } from './storage/memory-store.ts';
export { createPostgresStore } from './storage/postgres-store.ts';
export { docFromStoredState } from './sync/persistence.ts';
export type { BoardStore } from './storage/store.ts';
export type { BoardMeta, BoardStorageStats, DocumentLog, StoredBoardState } from './storage/documents.ts';
export type { LinkStore } from './storage/links.ts';
export type { VoteStore } from './storage/votes.ts';
export type { DraftStore } from './storage/drafts.ts';
export { RoomManager, type RoomStats } from './sync/rooms.ts';

/**
 * Storage figures of one board, read from a copy of a data directory's database (safe while
 * the server runs and holds the file). Undefined for an unknown board.
 */
export function readBoardStorageStats(dataDir: string, boardId: string): BoardStorageStats | undefined {
  return withDatabaseCopy(path.join(dataDir, DATABASE_FILE), (db) => createSqliteDocuments(db).stats(boardId));
}

/** `PRAGMA integrity_check` of a data directory's database file, on a copy: `['ok']` when sound. */
export function checkDatabaseIntegrity(dataDir: string): string[] {
  return checkSqliteIntegrity(path.join(dataDir, DATABASE_FILE));
}
