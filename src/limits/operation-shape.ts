import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { QueryTooComplexError } from '../errors/api-errors';

/** Fragment spreads can fan out; the walk gives up (and refuses) past this many fields. */
const MAX_FIELDS_VISITED = 20_000;

/** What the depth and alias limits look at. */
export interface OperationShape {
  depth: number;
  aliases: number;
}

/** Depth and alias count of an operation, fragments expanded, introspection fields not counted. */
function measure(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): OperationShape {
  let visited = 0;
  let aliases = 0;
  const walk = (selectionSet: SelectionSetNode, depth: number, seen: ReadonlySet<string>): number => {
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (++visited > MAX_FIELDS_VISITED) throw new QueryTooComplexError('The operation has too many fields.');
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        if (selection.alias) aliases += 1;
        if (selection.selectionSet) deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, seen));
        else deepest = Math.max(deepest, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
      } else {
        const fragment = fragments.get(selection.name.value);
        // graphql-js validation has already refused cycles; `seen` only guards the walk.
        if (fragment && !seen.has(fragment.name.value)) {
          deepest = Math.max(deepest, walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value])));
        }
      }
    }
    return deepest;
  };
  return { depth: walk(operation.selectionSet, 0, new Set()), aliases };
}

/** Depth and alias count of `operation` in `document`, its fragments expanded. */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return measure(operation, fragments);
}
