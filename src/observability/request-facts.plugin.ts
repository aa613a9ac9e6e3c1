import type { ApolloServerPlugin } from '@apollo/server';
import { RequestFacts } from '../context/request-facts';
import { ErrorCode } from '../errors/error-code';
import { isUnexpected } from '../errors/format-error';
import { UnexpectedErrorLog } from './unexpected-error-log';

/**
 * Fills the request's facts as Apollo runs it (operation name, error codes), logs what was
 * masked with the request id, and puts that id into each masked error's `extensions.requestId`,
 * so "it has been logged" can be found in the log.
 */
export function requestFactsPlugin(logUnexpected: UnexpectedErrorLog): ApolloServerPlugin<{ facts: RequestFacts }> {
  return {
    async requestDidStart({ contextValue }) {
      const { facts } = contextValue;
      return {
        async didResolveOperation({ request, operation }) {
          facts.operationName = request.operationName ?? operation?.name?.value ?? undefined;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              logUnexpected(error, {
                requestId: facts.requestId,
                operationName: facts.operationName,
                path: error.path,
              });
            }
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
            facts.errorCodes.push(code);
            if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
              (error.extensions as Record<string, unknown>).requestId = facts.requestId;
            }
          }
        },
      };
    },
  };
}
