import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { SourceFormat } from './source-records';

/** What the importer keeps a source id of (the import_sources table). */
export type SourceKind = 'post' | 'comment' | 'author' | 'image';

/** Where each kind's rows live here: a source row whose target is gone was deleted here. */
const TARGET_TABLES: Record<SourceKind, string> = {
  post: 'posts',
  comment: 'comments',
  author: 'authors',
  image: 'media',
};

/** A source id seen in an earlier import (or earlier in this one). */
export interface KnownSource {
  targetId: string;
  hash: string;
  /** False when the row it became has been deleted here since. */
  present: boolean;
}

/** One row to remember: the export's id, ours, and the hash of what the export said. */
export interface SourceRow {
  sourceId: string;
  targetId: string;
  hash: string;
}

/** A short, stable hash of a JSON-able value: what the export said of an item, to tell a change. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/**
 * The import's memory of source ids, per format family and blog: Blogger's two export formats
 * name the same posts by the same ids, so they share one family.
 */
export class SourceIds {
  readonly format: 'blogger' | 'wordpress';

  constructor(
    format: SourceFormat,
    readonly blog: string,
  ) {
    this.format = format === 'wordpress' ? 'wordpress' : 'blogger';
  }

  /** The known ones of `ids`, with `extra` columns of their target row (aliased `t`) when asked. */
  async find<Extra extends object = object>(
    m: EntityManager,
    kind: SourceKind,
    ids: string[],
    extra = '',
  ): Promise<Map<string, KnownSource & Extra>> {
    if (ids.length === 0) return new Map();
    const rows = (await m.query(
      `SELECT s.source_id AS "sourceId", s.target_id AS "targetId", s.content_hash AS hash,
              t.id IS NOT NULL AS present${extra ? `, ${extra}` : ''}
       FROM import_sources s LEFT JOIN ${TARGET_TABLES[kind]} t ON t.id = s.target_id
       WHERE s.format = $1 AND s.blog = $2 AND s.kind = $3 AND s.source_id = ANY($4::text[])`,
      [this.format, this.blog, kind, [...new Set(ids)]],
    )) as Array<KnownSource & Extra & { sourceId: string }>;
    return new Map(rows.map((row) => [row.sourceId, row]));
  }

  /** Remembers `rows` (new ones, and new hashes of known ones), in one statement. */
  async record(m: EntityManager, kind: SourceKind, given: SourceRow[]): Promise<void> {
    // One row per id: ON CONFLICT may not touch a row twice in one statement.
    const rows = [...new Map(given.map((row) => [row.sourceId, row])).values()];
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO import_sources (format, blog, kind, source_id, target_id, content_hash)
       SELECT $1, $2, $3, r.source_id, r.target_id, r.hash
       FROM unnest($4::text[], $5::uuid[], $6::text[]) AS r(source_id, target_id, hash)
       ON CONFLICT (format, blog, kind, source_id) DO UPDATE
         SET target_id = EXCLUDED.target_id, content_hash = EXCLUDED.content_hash, updated_at = now()`,
      [
        this.format,
        this.blog,
        kind,
        rows.map((row) => row.sourceId),
        rows.map((row) => row.targetId),
        rows.map((row) => row.hash),
      ],
    );
  }
}
