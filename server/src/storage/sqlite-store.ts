import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteActivity } from './activity-sqlite.ts';
import { createSqliteSnapshots } from './snapshots-sqlite.ts';
import { migrateDatabase } from './sqlite-schema.ts';
import { createSqliteDocuments } from './sqlite-documents.ts';
import { createSqliteDrafts, createSqliteLinks, createSqliteVotes } from './sqlite-records.ts';
import { createSqliteTone } from './tone-sqlite.ts';
import type { BoardStore } from './store.ts';

/** Another process holds the database: one data directory serves one process. */
export class DatabaseInUseError extends Error {
  constructor(readonly file: string) {
    super(
      `the database ${file} is in use by another process (another Rejse server on the same DATA_DIR?); ` +
        'stop it first, or give this server its own DATA_DIR',
    );
    this.name = 'DatabaseInUseError';
  }
}

const isBusy = (error: unknown): boolean =>
  error instanceof Database.SqliteError && (error.code === 'SQLITE_BUSY' || error.code.startsWith('SQLITE_BUSY_'));

/**
 * Opens the server's database for writing, holding it for this process alone.
 *
 * `locking_mode = EXCLUSIVE`, set before WAL is first touched, does two things:
 * - the first write takes an exclusive lock that is kept until the connection closes, so a
 *   second process on the same file fails at once with SQLITE_BUSY (DatabaseInUseError).
 *   The lock is the kernel's (fcntl): it goes away with the process, even after SIGKILL, so
 *   there is never a stale lock to clean up, and no pid to be confused by reuse;
 * - SQLite keeps the WAL index in the heap instead of a memory-mapped `-shm` file. A mapped
 *   file is what turned storage failures into SIGBUS (a `-shm` truncated, or its pages
 *   written after the disk went read-only): now every storage failure is an exception that
 *   reaches our code (see sync/persistence.ts).
 * The price: nothing else may open the file while the server runs; tools read a copy
 * (`withDatabaseCopy`).
 */
function openWritable(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Fail at once rather than wait for a lock another process will never give up.
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('journal_mode = WAL');
      db.exec('BEGIN IMMEDIATE; COMMIT');
    } catch (error) {
      if (isBusy(error)) throw new DatabaseInUseError(file);
      throw error;
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrateDatabase(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The SQLite stores over one database file. WAL with synchronous=NORMAL: a commit survives
 * a process crash (SIGKILL) at once; only an OS crash or power loss can drop the last
 * commits, and the file stays consistent either way. Throws DatabaseInUseError when
 * another process has the file open.
 */
export function createSqliteStore(file: string): BoardStore {
  const db = openWritable(file);
  return {
    documents: createSqliteDocuments(db),
    links: createSqliteLinks(db),
    votes: createSqliteVotes(db),
    drafts: createSqliteDrafts(db),
    tone: createSqliteTone(db),
    snapshots: createSqliteSnapshots(db),
    activity: createSqliteActivity(db),
    close() {
      if (db.open) db.close();
    },
  };
}

const readIfExists = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Runs `read` on a private copy of a database file and its WAL — the only way to look
 * inside while a server holds the file (it is locked exclusively), and safe after a crash.
 * The copy is taken again if the database file changed while the WAL was copied (a
 * checkpoint in between), so the two always belong together; SQLite's WAL recovery
 * ignores a half-written last frame. For tools and tests, never for the server itself.
 */
export function withDatabaseCopy<T>(file: string, read: (db: Database.Database) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'rejse-peek-'));
  try {
    const copy = path.join(dir, path.basename(file));
    for (let attempt = 0; ; attempt++) {
      const before = readFileSync(file);
      const wal = readIfExists(`${file}-wal`);
      const after = readFileSync(file);
      if (!before.equals(after) && attempt < 20) continue;
      writeFileSync(copy, after);
      if (wal) writeFileSync(`${copy}-wal`, wal);
      else rmSync(`${copy}-wal`, { force: true });
      break;
    }
    // Not read-only: WAL recovery writes the copy's own index (and may checkpoint the copy).
    const db = new Database(copy, { fileMustExist: true });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs SQLite's `PRAGMA integrity_check` on a database file (through a copy: safe while a
 * server uses it, and after a crash). Returns `['ok']` for a sound file, otherwise the
 * problems SQLite lists.
 */
export function checkSqliteIntegrity(file: string): string[] {
  return withDatabaseCopy(file, (db) =>
    db
      .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
      .all()
      .map((row) => row.integrity_check),
  );
}
