import { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError } from '../errors/api-errors';

// Letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX_LENGTH = 120;

/**
 * The contract's slug of a title: accents stripped, apostrophes dropped (`It's` -> `its`), every
 * other run of non-alphanumerics one `-`. Falls back to `fallback` when nothing is left.
 */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħ]/g, (ch) => TRANSLITERATIONS[ch] ?? ch)
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || fallback;
}

function assertValidSlug(slug: string, field: string): void {
  if (!SLUG_PATTERN.test(slug) || slug.length > SLUG_MAX_LENGTH) {
    throw new BadUserInputError(
      `A slug is lower-case ASCII letters and digits in words joined by "-", at most ${SLUG_MAX_LENGTH} characters.`,
      field,
    );
  }
}

/**
 * `base`, or `base-2`, `base-3`... whichever is free in `table`. An advisory lock on the base
 * makes concurrent writers of the same title take turns, so two never pick the same slug.
 */
async function uniqueSlug(
  m: EntityManager,
  table: 'posts' | 'authors',
  base: string,
  exceptId?: string,
): Promise<string> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:slug:${base}`]);
  const rows: Array<{ slug: string }> = await m.query(
    `SELECT slug FROM ${table} WHERE (slug = $1 OR slug LIKE $1 || '-%') AND id IS DISTINCT FROM $2::uuid`,
    [base, exceptId ?? null],
  );
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/**
 * A slug someone typed, for a row of `table` (other than `exceptId`): stored as given, so it must
 * already be in form (else BAD_USER_INPUT), and it must be free (else CONFLICT).
 */
export async function claimSlug(
  m: EntityManager,
  table: 'posts' | 'authors',
  slug: string,
  exceptId?: string,
): Promise<string> {
  assertValidSlug(slug, 'slug');
  const taken: unknown[] = await m.query(`SELECT 1 FROM ${table} WHERE slug = $1 AND id IS DISTINCT FROM $2::uuid`, [
    slug,
    exceptId ?? null,
  ]);
  if (taken.length > 0) throw new ConflictError('That slug is taken.', 'slug');
  return slug;
}

/** The slug of a new row: the one given (claimed as it is), or one derived from `text`. */
export function slugForNewRow(
  m: EntityManager,
  table: 'posts' | 'authors',
  given: string | null | undefined,
  text: string,
  fallback: string,
): Promise<string> {
  return given == null ? uniqueSlug(m, table, slugify(text, fallback)) : claimSlug(m, table, given);
}
