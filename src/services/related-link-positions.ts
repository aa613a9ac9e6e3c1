import { EntityManager } from 'typeorm';

/**
 * Closes the gaps in the positions of the links of `postIds` (0, 1, 2, ... in their order), after
 * a link was removed or its target deleted. The unique (post_id, position) constraint is checked
 * at the end of the statement, so the renumbering may pass through duplicates.
 */
export async function renumberLinks(m: EntityManager, postIds: readonly string[]): Promise<void> {
  if (postIds.length === 0) return;
  await m.query(
    `UPDATE related_links l SET position = r.rank - 1
     FROM (SELECT id, row_number() OVER (PARTITION BY post_id ORDER BY position, id) AS rank
           FROM related_links WHERE post_id = ANY($1::uuid[])) r
     WHERE l.id = r.id AND l.position <> r.rank - 1`,
    [postIds],
  );
}
