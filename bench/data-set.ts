import { Client } from 'pg';

/**
 * The benchmark's data set, made with set-based INSERT ... SELECT statements over
 * generate_series into a freshly migrated database. Deterministic: every choice is
 * `hashint8extended(row number, salt)`, never random(); ids are md5 of a name (`bench-post-17`);
 * text comes from a fixed pool of sentences; times are offsets from the start of today (UTC), so
 * a run today and a run tomorrow hold the same rows, a day apart.
 *
 * For `posts` = N: N/200 authors (at least 10; one admin, editors, authors); N posts, ~85%
 * PUBLISHED over the past year, 3% SCHEDULED in the past (live), 2% SCHEDULED in the future, 6%
 * DRAFT, 4% ARCHIVED, each with 1-5 tags of 60 (four popular ones on ~15% of posts each, the
 * others by a skewed draw), a title, an excerpt and a 1-2 KB HTML body; 10N comments on live
 * posts (6N top-level, 3N replies to them, N replies to replies; ~84% APPROVED, 10% PENDING, 3%
 * REJECTED, 3% SPAM; one in ten by a staff member); ~3N related links (0-6 per post, two thirds
 * to other posts, live or not, one third external pages with titles), positions 0..n-1.
 *
 * Loading fast: the posts (whose generated full-text column is most of the work) go in two halves
 * on two connections; secondary indexes are dropped first and built again from their own
 * definitions at the end; comments and links are inserted with foreign-key triggers off
 * (`session_replication_role = replica`, when the role may) and checked by anti-joins afterwards.
 * CHECK and UNIQUE constraints, and the migrations' own triggers on posts, apply as to any write.
 */

export interface DataSetCounts {
  authors: number;
  posts: number;
  livePosts: number;
  comments: number;
  links: number;
  tags: number;
}

const words = (text: string) => text.trim().split(/\s+/);
const phrases = (text: string) => text.split(',').map((phrase) => phrase.trim());
const POPULAR_TAGS = words('politics business sport local');
const OTHER_TAGS = words(`
  transport ferries harbour council weather culture music theatre food health education housing environment
  technology science crime courts elections economy tourism fishing shipping arts books film football sailing
  rowing cycling schools university hospital police fire-service budget taxes jobs energy wind-power climate
  wildlife parks markets property planning roads rail airport festivals history obituaries opinion letters
  religion youth elderly`);
const FIRST_NAMES = words('Ana Tomas Ines Rui Marta Joao Sofia Pedro Clara Luis Eva Nuno');
const LAST_NAMES = words('Ferreira Costa Silva Moreira Lopes Pinto Almeida Reis Sousa Nunes');
const SUBJECTS = phrases(`Harbour council, Ferry operator, City museum, Local school, Fishing fleet, Night market,
  Coastal trust, Rail line, Youth orchestra, Old lighthouse, Port authority, Weather office`);
const VERBS = words('approves delays unveils rethinks celebrates questions funds reopens cancels expands');
const OBJECTS = phrases(`new timetable, winter plan, budget cuts, summer festival, harbour walk, repairs,
  ticket prices, night buses, green roofs, sea wall, library hours`);
const WORDS = words(`
  the harbour council said residents ferry plans week new city boats market tide season budget vote weather
  people morning quay after before many few on for with their old late`);

/** 997 sentences of 5-19 words, the same every run: bodies, excerpts and comments are drawn from them. */
const SENTENCES = Array.from({ length: 997 }, (_, n) => {
  const picked = Array.from(
    { length: 5 + ((n * 7) % 15) },
    (_word, k) => WORDS[(n * 31 + k * k * 17 + k * 7) % WORDS.length],
  );
  return `${picked[0][0].toUpperCase()}${picked[0].slice(1)} ${picked.slice(1).join(' ')}.`;
});

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')}]`;

/** A deterministic integer in [0, n) for row `x` and `salt`. */
const pick = (x: string, salt: number, n: string | number) =>
  `((hashint8extended((${x})::bigint, ${salt}) & 9223372036854775807) % (${n}))`;

/** One of `values`, drawn uniformly for row `x` and `salt`. */
const oneOf = (values: string[], x: string, salt: number) =>
  `(${sqlArray(values)})[1 + ${pick(x, salt, values.length)}]`;

/** A sentence of the pool (the statement's parameter `$sentences`) for row `x` and `salt`. */
const sentence = (sentences: string, x: string, salt: number) =>
  `(${sentences}::text[])[1 + ${pick(x, salt, SENTENCES.length)}]`;

const uuidOf = (prefix: string, x: string) => `md5('${prefix}' || (${x}))::uuid`;

/** Secondary indexes of the data set's tables (not those behind a constraint): dropped for the load. */
async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(i.indexname) AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema()
       AND i.tablename IN ('posts', 'comments', 'related_links', 'post_tags')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)`,
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

/** Foreign-key triggers off for this session, when the role may (superuser); else they run. */
async function skipForeignKeyTriggers(client: Client): Promise<boolean> {
  try {
    await client.query(`SET session_replication_role = replica`);
    return true;
  } catch {
    return false;
  }
}

/** Fills the empty, migrated database at `url` with the data set for `posts` posts, and VACUUM ANALYZEs it. */
export async function loadDataSet(url: string, posts: number): Promise<DataSetCounts> {
  if (!Number.isInteger(posts) || posts < 20) throw new Error('--posts must be an integer of at least 20');
  const clients = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all(clients.map((client) => client.connect()));
  try {
    return await load(clients as [Client, Client], posts);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

async function load([a, b]: [Client, Client], posts: number): Promise<DataSetCounts> {
  const authors = Math.max(10, Math.round(posts / 200));
  const anchor = (await a.query<{ anchor: Date }>(`SELECT date_trunc('day', now(), 'UTC') AS anchor`)).rows[0].anchor;
  const year = 365 * 24 * 3600 * 1000;
  const day = 24 * 3600 * 1000;
  /** Runs `sql` for rows lo..hi in two halves, one per connection ($1 = lo, $2 = hi, then `params`). */
  const inHalves = async (sql: string, lo: number, hi: number, params: unknown[]) => {
    const mid = Math.floor((lo + hi) / 2);
    await Promise.all([a.query(sql, [lo, mid, ...params]), b.query(sql, [mid + 1, hi, ...params])]);
  };

  await a.query(
    `INSERT INTO authors (id, slug, name, email, password_hash, role, bio, created_at, updated_at)
     SELECT ${uuidOf('bench-author-', 'a')}, 'author-' || a,
            ${oneOf(FIRST_NAMES, 'a', 1)} || ' ' || ${oneOf(LAST_NAMES, 'a', 2)},
            'author' || a || '@bench.example',
            '$argon2id$v=19$m=65536,t=3,p=4$YmVuY2g$bm8tc2lnbi1pbi1mb3ItYmVuY2g', -- nobody signs in
            CASE WHEN a = 1 THEN 'ADMIN' WHEN a % 6 = 0 THEN 'EDITOR' ELSE 'AUTHOR' END,
            CASE WHEN a % 2 = 0 THEN 'Covers ' || ${oneOf(OTHER_TAGS, 'a', 3)} || ' for the paper.' END,
            $1::timestamptz - interval '2 years', $1::timestamptz - interval '2 years'
     FROM generate_series(1, $2::int) a`,
    [anchor, authors],
  );
  const indexes = await dropSecondaryIndexes(a);

  // r decides the status: PUBLISHED < 850 <= SCHEDULED (past) < 880 <= SCHEDULED (future) < 900 <= DRAFT < 960 <= ARCHIVED.
  // Tags: 1-5 slots, each a popular tag one time in five, else a skewed draw of the others; a
  // slot that repeats an earlier one is left out, so tags stay unique in the editor's order.
  const tagOfSlot = (
    k: number,
  ) => `CASE WHEN ${pick(`i * 8 + ${k}`, 5, 100)} < 20 THEN ${oneOf(POPULAR_TAGS, `i * 8 + ${k}`, 6)}
    ELSE (${sqlArray(OTHER_TAGS)})[1 + floor(${OTHER_TAGS.length} * power(${pick(`i * 8 + ${k}`, 7, 1000000)} / 1000000.0, 1.25))::int] END`;
  const slots = [1, 2, 3, 4, 5];
  const tagList = slots
    .map((k) =>
      k === 1
        ? 'ARRAY[tg.t1]'
        : `CASE WHEN tg.n >= ${k} AND tg.t${k} NOT IN (${slots
            .slice(0, k - 1)
            .map((e) => `tg.t${e}`)
            .join(', ')})
             THEN ARRAY[tg.t${k}] ELSE '{}'::text[] END`,
    )
    .join(' || ');
  const tagSlots = `CROSS JOIN LATERAL (SELECT 1 + ${pick('i', 4, 5)} AS n, ${slots.map((k) => `${tagOfSlot(k)} AS t${k}`).join(', ')}
    OFFSET 0) tg`;
  await inHalves(
    `INSERT INTO posts (id, slug, title, body, excerpt, excerpt_is_custom, status, published_at, source, cover_image_url,
                        tags, featured, reading_time_minutes, version, author_id, last_editor_id, created_at, updated_at)
     SELECT ${uuidOf('bench-post-', 'i')}, lower(replace(x.subject || ' ' || x.verb, ' ', '-')) || '-' || i,
            x.subject || ' ' || x.verb || ' ' || x.object,
            repeat('<p>' || ${sentence('$4', 'i', 20)} || ' ' || ${sentence('$4', 'i', 21)} || ' ' || ${sentence('$4', 'i', 22)}
                   || '</p><p>' || ${sentence('$4', 'i', 23)} || ' <em>' || ${sentence('$4', 'i', 24)} || '</em></p>',
                   2 + ${pick('i', 9, 4)}::int),
            'In brief: ' || lower(x.subject) || ' ' || x.verb || ' ' || x.object || '. ' || ${sentence('$4', 'i', 25)},
            ${pick('i', 15, 2)} = 0, x.status, x.published_at,
            CASE WHEN ${pick('i', 11, 10)} = 0 THEN 'Coastal Wire Service' END,
            CASE WHEN ${pick('i', 12, 3)} > 0 THEN 'https://img.example/covers/' || i || '.jpg' END,
            ${tagList},
            x.status = 'PUBLISHED' AND ${pick('i', 13, 50)} = 0,
            1 + ${pick('i', 10, 6)}::int, 1, x.author_id, x.author_id,
            COALESCE(x.published_at, $3::timestamptz) - (1 + ${pick('i', 16, 72)}) * interval '1 hour',
            COALESCE(x.published_at, $3::timestamptz) - ${pick('i', 17, 3600)} * interval '1 second'
     FROM generate_series($1::int, $2::int) i
     CROSS JOIN LATERAL (SELECT ${pick('i', 1, 1000)} AS r) s
     ${tagSlots}
     CROSS JOIN LATERAL (SELECT
       CASE WHEN s.r < 850 THEN 'PUBLISHED' WHEN s.r < 900 THEN 'SCHEDULED' WHEN s.r < 960 THEN 'DRAFT' ELSE 'ARCHIVED' END AS status,
       CASE WHEN s.r < 880 THEN $3::timestamptz - ${pick('i', 2, year)} * interval '1 millisecond'
            WHEN s.r < 900 THEN $3::timestamptz + interval '1 day' + ${pick('i', 3, 30 * day)} * interval '1 millisecond'
            WHEN s.r < 960 THEN NULL
            ELSE $3::timestamptz - interval '1 year' - ${pick('i', 3, year)} * interval '1 millisecond' END AS published_at,
       ${uuidOf('bench-author-', `1 + ${pick('i', 14, '$5::int')}`)} AS author_id,
       ${oneOf(SUBJECTS, 'i', 21)} AS subject, ${oneOf(VERBS, 'i', 22)} AS verb, ${oneOf(OBJECTS, 'i', 23)} AS object) x`,
    1,
    posts,
    [anchor, SENTENCES, authors],
  );

  // Comments go under live posts (as the API allows), numbered for the draws. Work tables are
  // unlogged tables (both connections see them), dropped at the end.
  await a.query(
    `CREATE UNLOGGED TABLE bench_live AS
     SELECT row_number() OVER (ORDER BY p.id) AS rn, p.id, p.published_at FROM posts p
     WHERE p.status IN ('PUBLISHED', 'SCHEDULED') AND p.published_at <= now()`,
  );
  await a.query(`CREATE UNIQUE INDEX ON bench_live (rn)`);
  await a.query(`ANALYZE bench_live`);
  const live = Number((await a.query(`SELECT count(*) AS n FROM bench_live`)).rows[0].n);
  await a.query(
    `CREATE UNLOGGED TABLE bench_comments (j int, level int, id uuid, post_id uuid, parent_id uuid, author_id uuid,
       author_name text, body text, status text, created_at timestamptz(3))`,
  );
  const commentFields = (x: string, parentCreated: string) => `
    CASE WHEN ${pick(x, 50, 10)} = 0 THEN ${uuidOf('bench-author-', `1 + ${pick(x, 51, '$4::int')}`)} END AS author_id,
    ${oneOf(FIRST_NAMES, x, 52)} || ' ' || chr(65 + ${pick(x, 53, 26)}::int) || '.' AS author_name,
    ${sentence('$3', x, 54)} || CASE WHEN ${pick(x, 55, 3)} = 0 THEN ' ' || ${sentence('$3', x, 56)} ELSE '' END AS body,
    CASE WHEN ${pick(x, 57, 100)} < 84 THEN 'APPROVED' WHEN ${pick(x, 57, 100)} < 94 THEN 'PENDING'
         WHEN ${pick(x, 57, 100)} < 97 THEN 'REJECTED' ELSE 'SPAM' END AS status,
    ${parentCreated} + (1 + ${pick(x, 58, day)}) * interval '1 millisecond' AS created_at`;
  await inHalves(
    `INSERT INTO bench_comments
     SELECT j, 0, ${uuidOf('bench-comment-', 'j')}, p.id, NULL, c.*
     FROM generate_series($1::int, $2::int) j
     JOIN bench_live p ON p.rn = 1 + ${pick('j', 59, live)}
     CROSS JOIN LATERAL (SELECT ${commentFields('j', 'p.published_at')}) c`,
    1,
    6 * posts,
    [SENTENCES, authors],
  );
  await a.query(`CREATE INDEX ON bench_comments (j)`);
  await a.query(`ANALYZE bench_comments`);
  // Replies: 3N under top-level comments (j in 1..6N), then N under those replies (j in 6N+1..9N).
  for (const [level, parentFrom, parents, from, count] of [
    [1, 1, 6 * posts, 6 * posts + 1, 3 * posts],
    [2, 6 * posts + 1, 3 * posts, 9 * posts + 1, posts],
  ]) {
    await inHalves(
      `INSERT INTO bench_comments
       SELECT r, ${level}, ${uuidOf('bench-comment-', 'r')}, parent.post_id, parent.id, c.*
       FROM generate_series($1::int, $2::int) r
       JOIN bench_comments parent ON parent.j = ${parentFrom} + ${pick('r', 60, parents)}
       CROSS JOIN LATERAL (SELECT ${commentFields('r', 'parent.created_at')}) c`,
      from,
      from + count - 1,
      [SENTENCES, authors],
    );
    await a.query(`ANALYZE bench_comments`);
  }
  await a.query(`UPDATE bench_comments c SET author_name = x.name FROM authors x WHERE x.id = c.author_id`);

  const foreignKeysSkipped = (await skipForeignKeyTriggers(a)) && (await skipForeignKeyTriggers(b));
  await inHalves(
    `INSERT INTO comments (id, post_id, parent_id, author_id, author_name, body, status, client_ip, created_at, updated_at)
     SELECT id, post_id, parent_id, author_id, author_name, body, status,
            CASE WHEN author_id IS NULL THEN '192.0.2.' || (j % 250 + 1) END, created_at, created_at
     FROM bench_comments WHERE j BETWEEN $1 AND $2 ORDER BY j`,
    1,
    10 * posts,
    [],
  );
  // Links: 0-6 slots per post; two in three to another post (any status), else an external page.
  await inHalves(
    `INSERT INTO related_links (id, post_id, kind, target_post_id, url, title, position, created_at)
     SELECT ${uuidOf('bench-link-', `i || '-' || slot`)}, ${uuidOf('bench-post-', 'i')}, kind,
            CASE WHEN kind = 'POST' THEN ${uuidOf('bench-post-', 'target')} END,
            CASE WHEN kind = 'EXTERNAL' THEN 'https://example.org/reference/' || i || '/' || slot END,
            CASE WHEN kind = 'EXTERNAL' THEN 'Background: ' || ${oneOf(OBJECTS, 'i * 8 + slot', 43)}
                 WHEN ${pick('i * 8 + slot', 44, 4)} = 0 THEN 'See also: ' || ${oneOf(OBJECTS, 'i * 8 + slot', 45)} END,
            row_number() OVER (PARTITION BY i ORDER BY slot) - 1, $3::timestamptz
     FROM (
       SELECT DISTINCT ON (i, kind, target) i, slot, kind, target FROM (
         SELECT i, slot,
                CASE WHEN ${pick('i * 8 + slot', 41, 3)} < 2 THEN 'POST' ELSE 'EXTERNAL' END AS kind,
                CASE WHEN ${pick('i * 8 + slot', 41, 3)} < 2 THEN (i + ${pick('i * 8 + slot', 42, posts - 1)}) % $4::int + 1
                     ELSE -slot END AS target
         FROM generate_series($1::int, $2::int) i, generate_series(0, ${pick('i', 40, 7)}::int - 1) slot
       ) slots ORDER BY i, kind, target, slot
     ) links`,
    1,
    posts,
    [anchor, posts],
  );
  if (foreignKeysSkipped) {
    await Promise.all([a, b].map((client) => client.query(`SET session_replication_role = DEFAULT`)));
    const { rows } = await a.query<{ broken: number }>(
      `SELECT (SELECT count(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = c.post_id))
            + (SELECT count(*) FROM comments c WHERE c.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM comments x WHERE x.id = c.parent_id))
            + (SELECT count(*) FROM comments c WHERE c.author_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM authors x WHERE x.id = c.author_id))
            + (SELECT count(*) FROM related_links l WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = l.post_id))
            + (SELECT count(*) FROM related_links l WHERE l.target_post_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.id = l.target_post_id))
            AS broken`,
    );
    if (Number(rows[0].broken) > 0) throw new Error(`data set: ${rows[0].broken} rows break a foreign key`);
  }
  await a.query(`DROP TABLE bench_live, bench_comments`);

  // Indexes again, from their own definitions, two at a time.
  const queue = [...indexes];
  await Promise.all(
    [a, b].map(async (client) => {
      for (let next = queue.shift(); next; next = queue.shift()) await client.query(next);
    }),
  );
  // VACUUM as well: it sets the visibility map, as autovacuum would soon after such a load, so that
  // index-only scans need no heap visits.
  await a.query(`VACUUM (ANALYZE)`);

  const counts = await a.query(
    `SELECT (SELECT count(*) FROM authors)::int AS authors, (SELECT count(*) FROM posts)::int AS posts,
            (SELECT count(*) FROM posts WHERE status IN ('PUBLISHED', 'SCHEDULED') AND published_at <= now())::int AS "livePosts",
            (SELECT count(*) FROM comments)::int AS comments, (SELECT count(*) FROM related_links)::int AS links,
            (SELECT count(DISTINCT tag) FROM posts, unnest(tags) AS tag)::int AS tags`,
  );
  return counts.rows[0] as DataSetCounts;
}
