import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_STATE, boardMeta as meta } from './contract-fixtures.ts';
import { createSqliteDocuments } from './sqlite-documents.ts';
import { LATEST_SCHEMA_VERSION, SCHEMA_STEPS } from './sqlite-schema.ts';
import { DatabaseInUseError, checkSqliteIntegrity, createSqliteStore, withDatabaseCopy } from './sqlite-store.ts';

describe('SQLite store database file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rejse-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created in WAL mode at the latest schema version, with missing directories created', () => {
    const file = path.join(dir, 'nested', 'rejse.sqlite');
    createSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a database from before sealed links: its links keep working, none can be shown again', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const old = new Database(file);
    for (const step of SCHEMA_STEPS.filter((s) => s.version <= 2)) old.exec(step.sql);
    old.pragma('user_version = 2');
    old.prepare('INSERT INTO boards (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run('b1', 'Old', 1, 1);
    old
      .prepare('INSERT INTO board_tokens (board_id, role, token_hash, created_at) VALUES (?, ?, ?, ?)')
      .run('b1', 'editor', Buffer.from([1, 2]), 1);
    old.close();
    const store = createSqliteStore(file);
    expect(store.links.tokens('b1')).toEqual([{ role: 'editor', tokenHash: new Uint8Array([1, 2]), createdAt: 1 }]);
    store.links.setToken('b1', 'viewer', new Uint8Array([3]), 2, new Uint8Array([4]));
    expect(store.links.tokens('b1')[1]).toEqual({
      role: 'viewer',
      tokenHash: new Uint8Array([3]),
      createdAt: 2,
      sealed: new Uint8Array([4]),
    });
    store.close();
  });

  it('refuses a database written by a newer server and leaves it untouched', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore(file)).toThrow(/newer than this server/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('is held by one store at a time: a second one is refused by name until the first closes', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const first = createSqliteStore(file);
    first.documents.create(meta('b1'), EMPTY_STATE);
    expect(() => createSqliteStore(file)).toThrow(DatabaseInUseError);
    expect(() => createSqliteStore(file)).toThrow(/in use by another process/);
    expect(first.documents.exists('b1')).toBe(true);
    first.close();
    const second = createSqliteStore(file);
    expect(second.documents.exists('b1')).toBe(true);
    second.close();
  });

  it('keeps no memory-mapped -shm file beside the database while open', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const store = createSqliteStore(file);
    store.documents.create(meta('b1'), EMPTY_STATE);
    store.documents.append('b1', EMPTY_STATE);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(false);
    store.close();
  });

  it('can be inspected through a copy while a writer holds it, and the copy is sound', () => {
    const file = path.join(dir, 'rejse.sqlite');
    const writer = createSqliteStore(file);
    writer.documents.create(meta('b1'), EMPTY_STATE);
    writer.documents.append('b1', EMPTY_STATE);
    expect(withDatabaseCopy(file, (db) => createSqliteDocuments(db).stats('b1')?.updateRows)).toBe(1);
    expect(checkSqliteIntegrity(file)).toEqual(['ok']);
    writer.documents.append('b1', EMPTY_STATE);
    expect(withDatabaseCopy(file, (db) => createSqliteDocuments(db).stats('b1')?.updateRows)).toBe(2);
    writer.close();
  });
});
