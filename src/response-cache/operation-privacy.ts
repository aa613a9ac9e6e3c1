import {
  DocumentNode,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
} from 'graphql';

interface WithDirectives {
  astNode?: { directives?: ReadonlyArray<{ name: { value: string }; arguments?: ReadonlyArray<unknown> }> } | null;
}

/** Whether `@cacheControl(scope: PRIVATE)` is on a field or type definition. */
function markedPrivate(definition: WithDirectives | null | undefined): boolean {
  return (
    definition?.astNode?.directives?.some(
      (directive) =>
        directive.name.value === 'cacheControl' &&
        (directive.arguments as Array<{ name: { value: string }; value: { value?: unknown } }> | undefined)?.some(
          (argument) => argument.name.value === 'scope' && argument.value.value === 'PRIVATE',
        ),
    ) ?? false
  );
}

const known = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation selects nothing marked as depending on who asks, read from the schema's
 * `@cacheControl(scope: PRIVATE)` marks: once per document (Apollo reuses parsed documents),
 * not per resolved field as Apollo's cache-control plugin would.
 */
export function selectsOnlyPublic(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const cached = known.get(operation);
  if (cached !== undefined) return cached;
  let isPublic = true;
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited wherever they are defined; a private field in any of them counts.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const type = field ? (getNamedType(field.type) as GraphQLNamedType & WithDirectives) : undefined;
        if (markedPrivate(field) || markedPrivate(type)) isPublic = false;
      },
    }),
  );
  known.set(operation, isPublic);
  return isPublic;
}
