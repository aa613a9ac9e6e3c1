import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * The types a single GraphQL answer is sent as, in Apollo Server's order of preference (its
 * MEDIA_TYPES, negotiated by the same `negotiator` package that Express's `req.accepts` uses).
 */
const ANSWER_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/** Accept headers seen, and what they negotiate to: clients send a handful, and negotiating costs more than the rest of the key. */
const negotiated = new Map<string, string | false>();
/** Past this many different Accept headers (a client making them up), the memo starts again. */
const NEGOTIATED_MAX = 64;

function typeFor(req: Request): string | false {
  const accept = req.headers.accept ?? '';
  let type = negotiated.get(accept);
  if (type === undefined) {
    if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
    type = req.accepts(ANSWER_TYPES);
    negotiated.set(accept, type);
  }
  return type;
}

/** Where a request's answer is kept, and the type it is sent as. */
export interface AnswerKey {
  key: string;
  contentType: string;
}

/** A JSON parameter as written again (spacing does not matter), or as sent when it is not JSON (Apollo refuses it). */
function normalised(values: string[]): unknown[] {
  return values.map((value) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  });
}

/**
 * The response cache's key of a request: what Apollo Server reads of it (`query`,
 * `operationName`, `variables`, `extensions`, from a GET's query string or a POST's JSON body),
 * with the JSON ones normalised, and the type its answer is sent as (Accept, negotiated as Apollo
 * does). Nothing else counts: `?utm_source=...` or any other parameter makes no new key. Undefined
 * when the client accepts none of the types (Apollo answers 406; nothing to keep).
 */
export function answerKeyOf(req: Request): AnswerKey | undefined {
  const contentType = typeFor(req);
  if (!contentType) return undefined;
  let parts: unknown[];
  if (req.method === 'GET') {
    const at = req.originalUrl.indexOf('?');
    const params = new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
    // Every value of each (Apollo refuses a parameter given twice; such a request is never kept).
    parts = [
      params.getAll('query'),
      params.getAll('operationName'),
      normalised(params.getAll('variables')),
      normalised(params.getAll('extensions')),
    ];
  } else {
    const body = (req.body ?? {}) as Record<string, unknown>;
    parts = [body.query, body.operationName, body.variables, body.extensions];
  }
  const source = JSON.stringify([req.method, contentType, ...parts]);
  return { key: createHash('sha256').update(source).digest('base64url'), contentType };
}
