import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';
import { Directive } from 'type-graphql';

/** Apollo's `@cacheControl`, declared so the schema states which fields depend on who asks. */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long an answer containing this may be cached, and by whom (PRIVATE: only for the asker).',
  locations: [
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.OBJECT,
    DirectiveLocation.INTERFACE,
    DirectiveLocation.UNION,
  ],
  args: {
    maxAge: { type: GraphQLInt },
    scope: {
      type: new GraphQLEnumType({ name: 'CacheControlScope', values: { PUBLIC: {}, PRIVATE: {} } }),
    },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});

/**
 * Marks a field or type whose value depends on who asks (the signed-in author, staff-only data):
 * an answer that selects it is never cached by a shared cache (`private, no-store`).
 */
export const DependsOnViewer = () => Directive('@cacheControl(maxAge: 0, scope: PRIVATE)');
