import { DocumentNode, OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from '../limits/root-field-names';

const known = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation asks for `Query.previewPost`, however it asks (an alias, a fragment): its
 * root fields, read once per operation (Apollo reuses parsed documents).
 */
export function selectsPreview(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const cached = known.get(operation);
  if (cached !== undefined) return cached;
  const found = operation.operation === 'query' && rootFieldNames(document, operation).has('previewPost');
  known.set(operation, found);
  return found;
}
