import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { BadUserInputError, QueryTooComplexError } from '../errors/api-errors';
import { answerSizeEstimator } from './answer-size.estimator';
import { BoundedCache } from './bounded-cache';
import { listSizeEstimator } from './list-size.estimator';
import { measureOperation } from './operation-shape';
import { variablesShape } from './variables-shape';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  /** Objects the operation may ask for, lists multiplied out. */
  maxCost: number;
  /** Bytes the answer could reach with every text at its longest. */
  maxAnswerBytes: number;
}

/**
 * The contract's defaults. The cost budget admits a 50-post feed page with authors, tags,
 * 3 comments with replies, links with targets and 5 related posts with authors (about 3,500)
 * and refuses lists that multiply out past 50,000 objects.
 */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxCost: 50_000,
  // The mobile feed of 100 posts (3 comments with replies each) could reach about 18 MB with
  // every comment at 5,000 characters; real answers are a small part of their worst case.
  maxAnswerBytes: 20_000_000,
};

/** What the limits compare: the operation's depth and aliases, its cost and, within the cost budget, its answer's size. */
interface OperationFigures {
  depth: number;
  aliases: number;
  cost: number;
  /** Not measured when the cost is over the budget (the operation is refused for that). */
  answerBytes: number;
}

/** The figures of an operation with these variables; BAD_USER_INPUT when the variables do not coerce. */
function measureFigures(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): OperationFigures {
  const { depth, aliases } = measureOperation(document, operation);
  // Refused for its shape alone: neither its variables nor its cost are looked at.
  if (depth > limits.maxDepth || aliases > limits.maxAliases) return { depth, aliases, cost: 0, answerBytes: 0 };
  try {
    const measure = (estimator: ComplexityEstimator) =>
      getComplexity({
        schema,
        query: document,
        operationName: operation.name?.value,
        variables,
        estimators: [estimator],
      });
    const cost = measure(listSizeEstimator);
    return { depth, aliases, cost, answerBytes: cost > limits.maxCost ? 0 : measure(answerSizeEstimator) };
  } catch (error) {
    // getComplexity coerces variables itself; a bad one is the client's mistake.
    // Errors thrown here become HTTP 500 unless they name a status.
    throw new BadUserInputError(error instanceof GraphQLError ? error.message : 'Invalid variables.', undefined, {
      status: 400,
    });
  }
}

/** QUERY_TOO_COMPLEX for the first limit an operation's figures pass; else its cost. */
function judge({ depth, aliases, cost, answerBytes }: OperationFigures, limits: OperationLimits): number {
  if (depth > limits.maxDepth)
    throw new QueryTooComplexError(`The operation is ${depth} levels deep; the limit is ${limits.maxDepth}.`);
  if (aliases > limits.maxAliases)
    throw new QueryTooComplexError(`The operation uses ${aliases} aliases; the limit is ${limits.maxAliases}.`);
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(
      `The operation could return about ${cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages.`,
    );
  }
  if (answerBytes > limits.maxAnswerBytes) {
    throw new QueryTooComplexError(
      `The answer could reach ${(answerBytes / 1e6).toFixed(1)} MB; the limit is ${limits.maxAnswerBytes / 1e6} MB. ` +
        'Ask for fewer long texts (bodies) or smaller pages.',
    );
  }
  return cost;
}

/** Refuses a too deep, too aliased or too costly operation (QUERY_TOO_COMPLEX); returns its cost. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): number {
  return judge(measureFigures(schema, document, operation, variables, limits), limits);
}

/** Where the plugin notes an admitted operation's cost: the request's facts, for its log line. */
interface CostNote {
  facts?: { cost?: number };
}

/**
 * Refuses too deep, too aliased or too costly operations before any resolver (or SQL) runs. The
 * figures of each document, operation and shape of its variables (./variables-shape.ts) are
 * measured once and kept, `cacheEntries` at most (OPERATION_COST_CACHE_ENTRIES): two walks of
 * the document per request were about 7% of a feed's CPU. Variables that do not coerce are
 * measured (and refused) every time, never kept.
 */
export function operationLimitsPlugin(limits: OperationLimits, cacheEntries: number): ApolloServerPlugin<CostNote> {
  const figures = new BoundedCache<OperationFigures>(cacheEntries);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue, queryHash }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${operation.name?.value ?? ''}\n${queryHash}\n${variablesShape(schema, operation, variables)}`;
          const measured = figures.getOrMake(key, () => measureFigures(schema, document, operation, variables, limits));
          const cost = judge(measured, limits);
          if (contextValue.facts) contextValue.facts.cost = cost;
        },
      };
    },
  };
}
