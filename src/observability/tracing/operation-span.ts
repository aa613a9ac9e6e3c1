import type { ApolloServerPlugin } from '@apollo/server';
import { context, Span, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { factsOf, RequestFacts } from '../../context/request-facts';
import { ErrorCode } from '../../errors/error-code';

/** The request's trace id into its facts, so its log line names the trace (the HTTP span is active here). */
export const traceIds: RequestHandler = (_req, res, next) => {
  const span = trace.getActiveSpan();
  if (span) factsOf(res).traceId = span.spanContext().traceId;
  next();
};

/**
 * One span per GraphQL operation, named and described as OpenTelemetry's GraphQL conventions
 * say (`query PostFeed`; graphql.operation.type and .name), between the HTTP request's span and
 * the SQL and Redis calls the operation makes. The span starts in a middleware rather than in
 * the plugin because an Apollo plugin cannot make a span active for what runs after its hook;
 * under `next()` in `context.with` everything Apollo runs is inside it. Answers Apollo gives
 * without executing (the response cache, a refused document) get their span too. Its per-request
 * state is its own: the span by the request's facts.
 */
export function operationSpans(tracer: Tracer) {
  const spans = new WeakMap<RequestFacts, Span>();
  const operationSpan: RequestHandler = (_req, res, next) => {
    const facts = factsOf(res);
    const span = tracer.startSpan('GraphQL Operation');
    spans.set(facts, span);
    res.once('close', () => {
      // Client errors (BAD_USER_INPUT, FORBIDDEN, ...) are answers; only ours mark the span failed.
      if (facts.errorCodes.includes(ErrorCode.INTERNAL_SERVER_ERROR)) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  };
  const operationSpanPlugin: ApolloServerPlugin<{ facts: RequestFacts }> = {
    async requestDidStart({ contextValue }) {
      const span = spans.get(contextValue.facts);
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const type = operation.operation;
          // A client names its operations: a name of any length must not make a span of any size.
          const name = operationName?.slice(0, 100);
          span.setAttribute('graphql.operation.type', type);
          if (name) span.setAttribute('graphql.operation.name', name);
          span.updateName(name ? `${type} ${name}` : type);
        },
      };
    },
  };
  return { operationSpan, operationSpanPlugin };
}
