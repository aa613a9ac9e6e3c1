import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter per author that every token carries: raising it (sign-out, password change) makes
 * all the tokens issued before stop working at once, without a list of revoked tokens.
 */
export class AuthorTokenVersion1764400000000 implements MigrationInterface {
  name = 'AuthorTokenVersion1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE authors ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE authors DROP COLUMN token_version`);
  }
}
