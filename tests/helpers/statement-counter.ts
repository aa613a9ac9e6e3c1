import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/** A TypeORM logger that counts the SQL statements sent, so tests can hold query counts flat. */
export class StatementCounter extends AbstractLogger {
  statements: string[] = [];

  reset(): void {
    this.statements = [];
  }

  get count(): number {
    return this.statements.length;
  }

  override logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.statements.push(query);
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | LogMessage[] | string | number,
    _queryRunner?: QueryRunner,
  ): void {
    // counted in logQuery; nothing to print
  }
}
