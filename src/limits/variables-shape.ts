import {
  GraphQLInputType,
  GraphQLSchema,
  OperationDefinitionNode,
  getNullableType,
  isInputObjectType,
  isListType,
  typeFromAST,
} from 'graphql';

/**
 * Each place tagged, so that no value a client sends can read as another's shape: `t` a text,
 * `a` absent, `l` a list, `o` an input object, `v` a value as it is.
 */
function shapeOf(type: GraphQLInputType, value: unknown): unknown[] {
  if (value === undefined) return ['a'];
  const inner = getNullableType(type);
  if (value === null) return ['v', null];
  if (isListType(inner)) {
    return Array.isArray(value)
      ? ['l', ...value.map((item) => shapeOf(inner.ofType, item))]
      : shapeOf(inner.ofType, value);
  }
  if (isInputObjectType(inner) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    const entries = Object.entries(value).map(([key, item]) => [
      key,
      fields[key] ? shapeOf(fields[key].type, item) : ['v', item],
    ]);
    return ['o', ...entries];
  }
  // A String or ID coerces from any string and the estimate never reads one: only its kind counts.
  if ((inner.name === 'String' || inner.name === 'ID') && typeof value === 'string') return ['t'];
  // Numbers (page sizes), booleans (@skip/@include), enums and other scalars: the value itself.
  return ['v', value];
}

/**
 * A key for what an operation's variables mean to its cost estimate: every value that can change
 * the estimate or make coercing the variables fail (numbers, booleans, enums, dates, a value of
 * the wrong kind) as it is, and every string of a String or ID in its place only, so a feed asked
 * for with ever new cursors, slugs or search words shares one estimate.
 */
export function variablesShape(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string {
  const shape = (operation.variableDefinitions ?? []).map((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const value = variables[definition.variable.name.value];
    return type ? shapeOf(type, value) : ['v', value];
  });
  return JSON.stringify(shape);
}
