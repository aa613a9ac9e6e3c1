import { createParameterDecorator } from 'type-graphql';

/** What `@Parent()` passes; src/server/plain-resolvers.ts knows a parameter of this decorator by it. */
export const rootOf = ({ root }: { root: unknown }) => root;

/**
 * The object a field belongs to, as its reader returned it. type-graphql's `@Root()` copies a
 * plain row into a new instance of the parameter's class on every field it resolves (one copy
 * per field of every post of a feed); rows here are plain objects and need no class.
 */
export function Parent() {
  return createParameterDecorator(rootOf);
}
