import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/**
 * Relay connection types for a node type. `totalCount` is a function on the value, which
 * graphql-js calls only when a client asks for it, so an unasked count costs no query.
 */
export function connectionTypes<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType])
    nodes!: TNode[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }

  return { Edge, Connection };
}

/** A connection as resolvers return it. */
export interface ConnectionValue<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  nodes: TNode[];
  pageInfo: PageInfo;
  totalCount: number | (() => Promise<number> | number);
}
