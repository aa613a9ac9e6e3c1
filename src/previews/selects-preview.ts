import { DocumentNode, GraphQLSchema, OperationDefinitionNode, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

const known = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation asks for `Query.previewPost`, however it asks (an alias, a fragment):
 * read from the document once per operation (Apollo reuses parsed documents). Fragments are
 * visited wherever they are defined, so one that might be spread counts: for a noindex mark,
 * the wider answer is the safe one.
 */
export function selectsPreview(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  const cached = known.get(operation);
  if (cached !== undefined) return cached;
  let found = false;
  if (operation.operation === 'query') {
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          if (node.name.value === 'previewPost' && typeInfo.getParentType() === schema.getQueryType()) found = true;
        },
      }),
    );
  }
  known.set(operation, found);
  return found;
}
