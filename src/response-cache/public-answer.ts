import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { selectsOnlyPublic } from './operation-privacy';

/** A request with a token may be answered as nobody else is: no answer of it is ever shared. */
export function asksAnonymously(authorization: string | null | undefined): boolean {
  return !authorization;
}

/**
 * Whether a GraphQL answer can only be what everyone gets, so caches may keep and share it: a
 * query, asked anonymously, that selects nothing the schema marks as depending on who asks
 * (`@cacheControl(scope: PRIVATE)`: `me`, moderation, emails, revisions), answered without
 * errors. The one decision of "public", for Cache-Control and for the response cache.
 */
export function isPublicAnswer(context: GraphQLRequestContextWillSendResponse<{ viewer: unknown }>): boolean {
  const { request, response, operation, document, schema, contextValue, errors } = context;
  const answer = response.body;
  return (
    operation?.operation === 'query' &&
    asksAnonymously(request.http?.headers.get('authorization')) &&
    contextValue?.viewer === null &&
    !errors?.length &&
    answer.kind === 'single' &&
    !answer.singleResult.errors?.length &&
    document !== undefined &&
    selectsOnlyPublic(schema, document, operation)
  );
}
