import { Field, ID, InterfaceType } from 'type-graphql';

/** Rows handed to `Query.node` carry their GraphQL type name here, as plain rows have no class. */
export const NODE_TYPE = Symbol('nodeType');

export interface TypedNode {
  [NODE_TYPE]: string;
}

@InterfaceType({
  description: 'Any object that can be fetched again by its opaque id with Query.node.',
  resolveType: (value: TypedNode) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
