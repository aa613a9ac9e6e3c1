import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { INSTANT_RANGE_TEXT, instantText, isStorableInstant } from '../domain/instant';
import { BadUserInputError } from '../errors/api-errors';

// Requires a time zone (Z or ±hh:mm) so that a client never means local server time by accident.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError('DateTime must be an ISO-8601 string with a time zone, e.g. 2021-05-24T09:30:00.000Z');
  }
  const date = new Date(value);
  if (!isStorableInstant(date)) throw new BadUserInputError(`DateTime must be ${INSTANT_RANGE_TEXT}.`);
  return date;
}

/** The contract's `DateTime`: an ISO-8601 date-time string with a time zone. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time string with a time zone, e.g. 2021-05-24T09:30:00.000Z.',
  // Tells code generators (and people) exactly what the strings are: RFC 3339 date-times.
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time.html',
  serialize(value) {
    // Lists read as JSON carry instants PostgreSQL already wrote in this form (apiInstantSql).
    if (value instanceof Date || typeof value === 'string') return instantText(value);
    // Our own bug (a resolver returned something else), so not an ApiError: it is masked and logged.
    throw new GraphQLError('DateTime cannot represent a non-date value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parse(undefined);
    return parse(ast.value);
  },
});
