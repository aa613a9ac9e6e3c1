import { createHash } from 'node:crypto';
import type { Request } from 'express';

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
 * with the JSON ones normalised. Nothing else counts: `?utm_source=...` or any other parameter
 * makes no new key.
 */
export function answerKeyOf(req: Request): string {
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
  return createHash('sha256')
    .update(JSON.stringify([req.method, ...parts]))
    .digest('base64url');
}
