import type { NextFunction, Request, Response } from 'express';
import { QueryTooComplexError, errorResponseBody, httpStatusOf } from '../errors/api-errors';

/**
 * Tokens graphql-js's parser reads before it gives up (its `maxTokens`): far above any real
 * operation (Sandbox's introspection query is about 300), far below the 1 MB body limit, so a
 * huge document costs a bounded parse instead of seconds of CPU and hundreds of MB.
 */
export const MAX_DOCUMENT_TOKENS = 5000;

/**
 * Brackets (`{`, `[`, `(`) a document may nest. The parser recurses once per level and runs out
 * of stack at about 1,500; the depth limit (10) refuses real operations far sooner anyway.
 */
export const MAX_DOCUMENT_NESTING = 64;

/** Index of the last quote of the block string whose content starts at `from` (\""" does not end it). */
function blockStringEnd(document: string, from: number): number {
  let end = document.indexOf('"""', from);
  while (end > 0 && document[end - 1] === '\\') end = document.indexOf('"""', end + 3);
  return end < 0 ? document.length : end + 2;
}

/** The deepest bracket nesting of a GraphQL document, not counting strings and comments. */
export function nestingOf(document: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < document.length; i += 1) {
    const char = document[i];
    if (char === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') i += 1;
    } else if (char === '"') {
      if (document.startsWith('"""', i)) {
        i = blockStringEnd(document, i + 3);
      } else {
        i += 1;
        while (i < document.length && document[i] !== '"' && document[i] !== '\n') i += document[i] === '\\' ? 2 : 1;
      }
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === '}' || char === ']' || char === ')') {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * Refuses a document nested deeper than the parser can go, before it is parsed, with
 * QUERY_TOO_COMPLEX instead of a stack overflow.
 */
export function documentNestingGuard(req: Request, res: Response, next: NextFunction): void {
  // For GET, read the query string as Apollo does (URLSearchParams): Express's parser stops at
  // 1,000 parameters, so a query after that many would slip past the guard.
  const source =
    req.method === 'GET'
      ? new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('query')
      : (req.body as { query?: unknown } | undefined)?.query;
  if (typeof source === 'string' && nestingOf(source) > MAX_DOCUMENT_NESTING) {
    const error = new QueryTooComplexError(`The document nests more than ${MAX_DOCUMENT_NESTING} levels of brackets.`);
    res.status(httpStatusOf(error)).json(errorResponseBody(error));
    return;
  }
  next();
}
