import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, parse } from 'graphql';
import { bearerToken } from '../auth/bearer-token';
import { TokenService } from '../auth/tokens';
import { factsOf } from '../context/request-facts';
import { runInRequestTransaction } from '../db/request-transaction';
import {
  ApiError,
  BadUserInputError,
  ConflictError,
  RateLimitedError,
  UnavailableError,
  errorResponseBody,
  httpStatusOf,
} from '../errors/api-errors';
import { ErrorCode } from '../errors/error-code';
import { MAX_DOCUMENT_TOKENS } from '../limits/document-shape';
import { rootFieldNames } from '../limits/root-field-names';
import { IdempotencyStore } from './idempotency-store';
import { KeyOwner, Outcome } from './keyed-run';

/** The contract's key: 1 to 255 visible ASCII characters. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Root fields whose answer is a live secret, which must not sit in a table for a day: a sign-in
 * token (`login`), a preview token (`createPreviewLink`: preview_links keeps only hashes, so a
 * copy of the database opens no preview; a kept answer would), a webhook's signing secret
 * (`createWebhook`, `rotateWebhookSecret`: shown once, as the contract says, not replayed).
 */
const SECRET_ANSWERS: ReadonlySet<string> = new Set([
  'login',
  'createPreviewLink',
  'createWebhook',
  'rotateWebhookSecret',
]);

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * The root fields of the mutation the request would run, read as execution reads them (aliases
 * and fragments resolved), or null when it is no mutation: queries change nothing, and
 * documents that do not parse are Apollo's to answer.
 */
function mutationFields(body: GraphQLBody): Set<string> | null {
  if (typeof body.query !== 'string') return null;
  try {
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const document = parse(body.query, { maxTokens: MAX_DOCUMENT_TOKENS });
    const operation = getOperationAST(document, operationName);
    return operation?.operation === 'mutation' ? rootFieldNames(document, operation) : null;
  } catch {
    return null;
  }
}

/**
 * Who the key belongs to: the signed-in author's session (author and token version, so a token
 * ended by logout or a password change reaches none of the answers kept after), else the
 * client's address. The hourly allowance counts the author, whatever the session.
 */
function ownerOf(req: Request, tokens: TokenService): KeyOwner {
  const token = bearerToken(req.headers);
  const claims = token ? tokens.verify(token) : null;
  if (claims) {
    return { principal: `author:${claims.authorId}:${claims.tokenVersion}`, client: `author:${claims.authorId}` };
  }
  const address = `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
  return { principal: address, client: address };
}

/** What to answer instead of an answer that was undone (nothing written, nothing kept). */
function undone(outcome: Exclude<Outcome, { kind: 'answered' }>, requestId: string): ApiError {
  switch (outcome.kind) {
    case 'failed':
      return new UnavailableError(requestId);
    case 'too-large':
      return new BadUserInputError(
        `The answer to this mutation is ${outcome.bytes.toLocaleString('en')} bytes; an Idempotency-Key keeps ` +
          `answers of up to ${outcome.limit.toLocaleString('en')} bytes, so nothing was changed. Ask for fewer ` +
          'fields (an id and a version find the rest), or send it without the key.',
        'Idempotency-Key',
        { status: 422, extensions: { maxAnswerBytes: outcome.limit } },
      );
    case 'over-limit':
      return new RateLimitedError(
        `Answers to ${outcome.limit.toLocaleString('en')} mutations with an Idempotency-Key were kept for you in ` +
          'the last hour, as many as are kept; nothing was changed.',
        outcome.retryAfterSeconds,
        { status: 429 },
      );
  }
}

/**
 * `Idempotency-Key` on mutations (CONTRACT.md "Sessions and retries"): the first request with a
 * key runs, and the same key and body from the same client within 24 hours gets its answer again
 * (header `Idempotent-Replayed: true`) and changes nothing; the same key with another body is
 * 422; while the first still runs, 409. Queries ignore the key: reading twice changes nothing.
 *
 * The first request runs in one transaction with its key (src/idempotency/keyed-run.ts): what it
 * writes and the answer kept for a retry commit together, before the answer is sent, so no crash
 * can leave a write without its answer. Only answers of mutations that wrote are kept, within
 * IDEMPOTENCY_MAX_ANSWER_BYTES and IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR; a request that wrote
 * and cannot be kept is undone and told why. `login` and `createPreviewLink` are never kept (their
 * answers are live tokens): alone, each runs as if it had no key; beside other fields, refused.
 */
export function idempotencyKeys(store: IdempotencyStore, tokens: TokenService, onError: (error: unknown) => void) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = req.headers['idempotency-key'];
    if (key === undefined || req.method !== 'POST') return next();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      const error = new BadUserInputError(
        'Idempotency-Key must be 1 to 255 visible ASCII characters.',
        'Idempotency-Key',
      );
      res.status(400).json(errorResponseBody(error));
      return;
    }
    const body = (req.body ?? {}) as GraphQLBody;
    const fields = mutationFields(body);
    if (!fields) return next();
    // An answer holding a live token is never kept: alone, such a field runs as if it had no key
    // (signing in twice writes nothing; a retried createPreviewLink makes a second link, within
    // the post's cap); beside other fields, no key can cover the request.
    const secret = [...fields].find((field) => SECRET_ANSWERS.has(field));
    if (secret) {
      if ([...fields].every((field) => SECRET_ANSWERS.has(field) || field === '__typename')) return next();
      const error = new BadUserInputError(
        `An Idempotency-Key cannot cover ${secret}: its answer is a live token, which is never kept. Send ${secret} in a request of its own.`,
        'Idempotency-Key',
      );
      res.status(422).json(errorResponseBody(error));
      return;
    }

    const owner = ownerOf(req, tokens);
    const requestHash = createHash('sha256')
      .update(JSON.stringify([body.query, body.operationName ?? null, body.variables ?? null]))
      .digest('hex');
    const claim = await store.claim(owner, key, requestHash);
    switch (claim.kind) {
      case 'different-request': {
        const error = new BadUserInputError(
          'This Idempotency-Key was already used with another request; use a new key for a new request.',
          'Idempotency-Key',
        );
        res.status(422).json(errorResponseBody(error));
        return;
      }
      case 'in-progress': {
        const error = new ConflictError('The first request with this Idempotency-Key is still running; retry shortly.');
        res.status(409).json(errorResponseBody(error));
        return;
      }
      case 'replay':
        res
          .status(claim.answer.status)
          .set(claim.answer.headers)
          .set('idempotent-replayed', 'true')
          .send(claim.answer.body);
        return;
      case 'claimed': {
        // Apollo's answer passes through res.send once execution ends, whether or not the
        // client is still connected (a dropped connection is the case this exists for). The
        // request's transaction ends there, with the answer kept, before it is sent: a client
        // that retries the moment it has it gets it again.
        const { run } = claim;
        const send = res.send.bind(res);
        res.send = (payload?: unknown) => {
          res.send = send;
          const facts = factsOf(res);
          const failed =
            res.statusCode >= 500 ||
            typeof payload !== 'string' ||
            facts.errorCodes.includes(ErrorCode.INTERNAL_SERVER_ERROR);
          const answer = {
            status: res.statusCode,
            headers: { 'content-type': String(res.getHeader('content-type') ?? 'application/json') },
            body: typeof payload === 'string' ? payload : '',
          };
          run.finish(answer, failed).then(
            (outcome) => {
              if (outcome.kind === 'answered') {
                send(payload);
                return;
              }
              const error = undone(outcome, facts.requestId);
              facts.errorCodes.push(String(error.extensions.code));
              if (outcome.kind === 'over-limit') res.set('retry-after', String(outcome.retryAfterSeconds));
              res.status(httpStatusOf(error)).json(errorResponseBody(error));
            },
            (error: unknown) => {
              onError(error);
              const unavailable = new UnavailableError(facts.requestId);
              facts.errorCodes.push(ErrorCode.INTERNAL_SERVER_ERROR);
              res.status(httpStatusOf(unavailable)).json(errorResponseBody(unavailable));
            },
          );
          return res;
        };
        runInRequestTransaction(run.transaction, next);
      }
    }
  };
}
