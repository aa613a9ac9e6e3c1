import { getNamedType, getNullableType, isLeafType, isListType } from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/page-size';

/** What an unbounded list (links, replies, revisions) is assumed to hold. */
const ASSUMED_LIST_SIZE = 10;

/** The page size an argument asks for, held to 1..100 so that a bad value cannot cancel out others. */
export function pageSizeOf(args: Record<string, unknown>): number | undefined {
  // `first` always has its default, so `last` wins when it is given.
  const asked = (args.last ?? args.first ?? args.limit) as number | undefined;
  return asked === undefined || asked === null ? undefined : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(asked)));
}

/** Each object counts once, times the size of every list above it (`first`/`last`/`limit`, else 10). */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const isList = isListType(getNullableType(field.type));
  const pageSize = pageSizeOf(args);
  // A connection's `edges` and `nodes` hold the page that its own field already counted.
  const size = pageSize ?? (isList && !type.name.endsWith('Connection') ? ASSUMED_LIST_SIZE : 1);
  return size * (1 + childComplexity);
};
