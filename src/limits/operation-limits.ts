import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { BadUserInputError, QueryTooComplexError } from '../errors/api-errors';
import { MAX_PAGE_SIZE } from '../pagination/page-size';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Objects the operation may ask for, lists multiplied out. */
  maxCost: number;
}

/**
 * The contract's defaults. The cost budget admits a 50-post feed page with authors, tags,
 * 3 comments with replies, links with targets and 5 related posts with authors (about 3,500)
 * and refuses lists that multiply out past 50,000 objects.
 */
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 10, maxAliases: 30, maxCost: 50_000 };

/** What an unbounded list (links, replies, revisions) is assumed to hold. */
const ASSUMED_LIST_SIZE = 10;
/** Fragment spreads can fan out; the walk gives up (and refuses) past this many fields. */
const MAX_FIELDS_VISITED = 20_000;

interface Shape {
  depth: number;
  aliases: number;
}

/** Depth and alias count of an operation, fragments expanded, introspection fields not counted. */
function measure(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): Shape {
  let visited = 0;
  let aliases = 0;
  const walk = (selectionSet: SelectionSetNode, depth: number, seen: ReadonlySet<string>): number => {
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (++visited > MAX_FIELDS_VISITED) throw new QueryTooComplexError('The operation has too many fields.');
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) aliases += 1;
        if (selection.selectionSet) deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, seen));
        else deepest = Math.max(deepest, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
      } else {
        const fragment = fragments.get(selection.name.value);
        // graphql-js validation has already refused cycles; `seen` only guards the walk.
        if (fragment && !seen.has(fragment.name.value)) {
          deepest = Math.max(deepest, walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value])));
        }
      }
    }
    return deepest;
  };
  return { depth: walk(operation.selectionSet, 0, new Set()), aliases };
}

/** The page size an argument asks for, held to 1..100 so that a bad value cannot cancel out others. */
function pageSizeOf(args: Record<string, unknown>): number | undefined {
  // `first` always has its default, so `last` wins when it is given.
  const asked = (args.last ?? args.first ?? args.limit) as number | undefined;
  return asked === undefined || asked === null ? undefined : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(asked)));
}

/** Each object counts once, times the size of every list above it (`first`/`last`/`limit`, else 10). */
const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const isList = isListType(getNullableType(field.type));
  const pageSize = pageSizeOf(args);
  // A connection's `edges` and `nodes` hold the page that its own field already counted.
  const size = pageSize ?? (isList && !type.name.endsWith('Connection') ? ASSUMED_LIST_SIZE : 1);
  return size * (1 + childComplexity);
};

function check(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: OperationLimits): void {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const { depth, aliases } = measure(operation, fragments);
  if (depth > limits.maxDepth) throw new QueryTooComplexError(`The operation is ${depth} levels deep; the limit is ${limits.maxDepth}.`);
  if (aliases > limits.maxAliases) throw new QueryTooComplexError(`The operation uses ${aliases} aliases; the limit is ${limits.maxAliases}.`);
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, operationName: operation.name?.value, variables, estimators: [listSizeEstimator] });
  } catch (error) {
    // getComplexity coerces variables itself; a bad one is the client's mistake.
    // Errors thrown here become HTTP 500 unless they name a status.
    throw new BadUserInputError(error instanceof GraphQLError ? error.message : 'Invalid variables.', undefined, { status: 400 });
  }
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(`The operation could return about ${cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages.`);
  }
}

/** Refuses too deep, too aliased or too costly operations before any resolver (or SQL) runs. */
export function operationLimitsPlugin(limits: OperationLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) check(schema, document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
