import { OperationDefinitionNode, buildSchema, parse } from 'graphql';
import { variablesShape } from './variables-shape';

const schema = buildSchema(`
  enum Status { DRAFT PUBLISHED }
  input Filter { tag: String, status: Status, first: Int }
  type Query { posts(first: Int, after: String, filter: Filter, ids: [ID!]): Boolean }
`);
const operation = parse(
  'query($first: Int, $after: String, $filter: Filter, $ids: [ID!], $on: Boolean) { posts(first: $first) }',
).definitions[0] as OperationDefinitionNode;
const shape = (variables: Record<string, unknown>) => variablesShape(schema, operation, variables);

describe('variablesShape', () => {
  it('is the same for other strings of a String or ID', () => {
    expect(shape({ after: 'abc', filter: { tag: 'x' }, ids: ['a'] })).toBe(
      shape({ after: 'xyz', filter: { tag: 'y' }, ids: ['b'] }),
    );
  });

  it('differs for other page sizes, booleans and enum values', () => {
    expect(shape({ first: 5 })).not.toBe(shape({ first: 6 }));
    expect(shape({ on: true })).not.toBe(shape({ on: false }));
    expect(shape({ filter: { status: 'DRAFT' } })).not.toBe(shape({ filter: { status: 'NOPE' } }));
    expect(shape({ filter: { first: 1 } })).not.toBe(shape({ filter: { first: 2 } }));
  });

  it('differs for a value of another kind, a list of another length, null and absent', () => {
    expect(shape({ after: 'abc' })).not.toBe(shape({ after: 5 }));
    expect(shape({ ids: ['a'] })).not.toBe(shape({ ids: ['a', 'b'] }));
    expect(shape({ after: null })).not.toBe(shape({}));
  });
});
