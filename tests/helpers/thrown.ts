import { GraphQLError } from 'graphql';

/** The `extensions` (code, field, ...) of the API error that `fn` throws; fails when it throws nothing. */
export function extensionsOf(fn: () => unknown): GraphQLError['extensions'] {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  throw new Error('did not throw');
}
