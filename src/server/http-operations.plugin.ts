import type { ApolloServerPlugin } from '@apollo/server';
import { BadRequestError } from '../errors/api-errors';

/**
 * Subscriptions are not served over plain HTTP requests; one sent that way is the client's
 * mistake (BAD_REQUEST, 400), not a failure of ours.
 */
export function httpOperationsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new BadRequestError('Subscriptions are not served over HTTP requests; use a WebSocket connection.');
          }
        },
      };
    },
  };
}
