import { createPostgresActivity } from './postgres-activity.ts';
import { connectPostgres } from './postgres-connection.ts';
import { createPostgresDocuments } from './postgres-documents.ts';
import { createPostgresDrafts, createPostgresLinks, createPostgresVotes } from './postgres-records.ts';
import { migratePostgres } from './postgres-schema.ts';
import { createPostgresSnapshots } from './postgres-snapshots.ts';
import { createPostgresTone } from './postgres-tone.ts';
import type { BoardStore } from './store.ts';

/**
 * The stores in PostgreSQL (`DATABASE_URL`), over one synchronous connection; the
 * schema is brought up to date before this returns. Unlike SQLite, any number of Rejse
 * processes may use one database: that is what running several instances needs.
 * Throws when the database cannot be reached or is newer than this server.
 */
export function createPostgresStore(url: string): BoardStore {
  const sql = connectPostgres(url);
  try {
    migratePostgres(sql);
  } catch (error) {
    sql.close();
    throw error;
  }
  return {
    documents: createPostgresDocuments(sql),
    links: createPostgresLinks(sql),
    votes: createPostgresVotes(sql),
    drafts: createPostgresDrafts(sql),
    tone: createPostgresTone(sql),
    snapshots: createPostgresSnapshots(sql),
    activity: createPostgresActivity(sql),
    close: () => sql.close(),
  };
}
