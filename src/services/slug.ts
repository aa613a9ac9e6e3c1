import { EntityManager } from 'typeorm';
import { BadUserInputError } from '../errors/api-errors';

// Letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

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

/** Checks a slug that someone typed; it is stored as given, so it must already be in form. */
export function assertValidSlug(slug: string, field: string): void {
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
export async function uniqueSlug(m: EntityManager, table: 'posts' | 'authors', base: string, exceptId?: string): Promise<string> {
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

/** True when `slug` belongs to a row of `table` other than `exceptId`. */
export async function isSlugTaken(m: EntityManager, table: 'posts' | 'authors', slug: string, exceptId?: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM ${table} WHERE slug = $1 AND id IS DISTINCT FROM $2::uuid`, [slug, exceptId ?? null]);
  return rows.length > 0;
}
