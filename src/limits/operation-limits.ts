import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { BadUserInputError, QueryTooComplexError } from '../errors/api-errors';
import { listSizeEstimator } from './list-size.estimator';
import { measureOperation } from './operation-shape';

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

function check(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): number {
  const { depth, aliases } = measureOperation(document, operation);
  if (depth > limits.maxDepth)
    throw new QueryTooComplexError(`The operation is ${depth} levels deep; the limit is ${limits.maxDepth}.`);
  if (aliases > limits.maxAliases)
    throw new QueryTooComplexError(`The operation uses ${aliases} aliases; the limit is ${limits.maxAliases}.`);
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [listSizeEstimator],
    });
  } catch (error) {
    // getComplexity coerces variables itself; a bad one is the client's mistake.
    // Errors thrown here become HTTP 500 unless they name a status.
    throw new BadUserInputError(error instanceof GraphQLError ? error.message : 'Invalid variables.', undefined, {
      status: 400,
    });
  }
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(
      `The operation could return about ${cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages.`,
    );
  }
  return cost;
}

/** Where the plugin notes an admitted operation's cost: the request's facts, for its log line. */
interface CostNote {
  facts?: { cost?: number };
}

/** Refuses too deep, too aliased or too costly operations before any resolver (or SQL) runs. */
export function operationLimitsPlugin(limits: OperationLimits = DEFAULT_LIMITS): ApolloServerPlugin<CostNote> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = check(schema, document, operation, request.variables ?? {}, limits);
          if (contextValue.facts) contextValue.facts.cost = cost;
        },
      };
    },
  };
}
