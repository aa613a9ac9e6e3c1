import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/** The tag a statement carries (src/db/statement-tag.ts): `/* tag *\/ SELECT ...`. */
const TAG = /^\/\* ([\w-]+) \*\//;

interface Sent {
  sql: string;
  runner?: QueryRunner;
}

/**
 * A TypeORM logger that counts the SQL statements sent, so tests can hold query counts flat.
 * Background work tags its statements; the statements of a transaction that sent a tagged one
 * (TypeORM's START TRANSACTION and COMMIT included) count under that tag too.
 */
export class StatementCounter extends AbstractLogger {
  private sent: Sent[] = [];
  private readonly runnerTags = new WeakMap<QueryRunner, string>();

  reset(): void {
    this.sent = [];
  }

  get statements(): string[] {
    return this.sent.map((statement) => statement.sql);
  }

  get count(): number {
    return this.sent.length;
  }

  /**
   * Statements sent since the last reset, but for those tagged (or in a transaction tagged) with
   * `tags`. A transaction that has begun and sent nothing else yet is not counted: whose it is
   * shows with its first statement (a background round may have just begun when a test counts).
   */
  countExcept(...tags: string[]): number {
    return this.sent.filter(
      (statement, i) => !tags.includes(this.tagOf(statement) ?? '') && !this.beganAndIdle(statement, i),
    ).length;
  }

  private beganAndIdle(statement: Sent, i: number): boolean {
    return (
      statement.sql.startsWith('START TRANSACTION') &&
      !this.sent.slice(i + 1).some((later) => later.runner === statement.runner)
    );
  }

  private tagOf(statement: Sent): string | undefined {
    return TAG.exec(statement.sql)?.[1] ?? (statement.runner && this.runnerTags.get(statement.runner));
  }

  override logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const tag = TAG.exec(query)?.[1];
    if (tag && queryRunner) this.runnerTags.set(queryRunner, tag);
    this.sent.push({ sql: query, runner: queryRunner });
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | LogMessage[] | string | number,
    _queryRunner?: QueryRunner,
  ): void {
    // counted in logQuery; nothing to print
  }
}
