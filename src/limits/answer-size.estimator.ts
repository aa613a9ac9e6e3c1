import { GraphQLScalarType, getNamedType, getNullableType, isEnumType, isLeafType, isListType } from 'graphql';
import { ComplexityEstimator } from 'graphql-query-complexity';
import { pageSizeOf } from './list-size.estimator';

/** What an unbounded list (links, replies, revisions, tags) is assumed to hold, as for the object count. */
const ASSUMED_LIST_SIZE = 10;
/** A field's name, quotes, colon and comma in the JSON answer. */
const KEY_BYTES = 24;
/** Bytes per character of text in JSON at worst: most text is ASCII; escapes and accents cost more. */
const BYTES_PER_CHARACTER = 1;

/** The longest a leaf value of this type is taken to be, unless the field says (`longText`). */
function leafBytes(type: GraphQLScalarType | { name: string }, maxTextLength: number | undefined): number {
  if (maxTextLength) return maxTextLength * BYTES_PER_CHARACTER;
  switch (type.name) {
    case 'ID':
      return 64;
    case 'DateTime':
      return 26;
    case 'Int':
    case 'Float':
    case 'Boolean':
      return 12;
    default:
      // Titles (300), names (120), slugs, urls, tags: the short texts.
      return 300;
  }
}

/**
 * The size an answer can reach, in bytes, with every text at its longest: the second budget
 * (after the object count), so that an operation admitted by the count cannot still ask for
 * megabytes of bodies. Lists multiply as they do for the count.
 */
export const answerSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const named = getNamedType(field.type);
  const isList = isListType(getNullableType(field.type));
  if (isLeafType(named)) {
    const each =
      KEY_BYTES +
      leafBytes(isEnumType(named) ? { name: 'enum' } : named, field.extensions?.maxTextLength as number | undefined);
    return isList ? ASSUMED_LIST_SIZE * each : each;
  }
  const pageSize = pageSizeOf(args);
  const size = pageSize ?? (isList && !type.name.endsWith('Connection') ? ASSUMED_LIST_SIZE : 1);
  return KEY_BYTES + size * (2 + childComplexity);
};
