import { ClassType, Extensions, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/**
 * Relay connection types for a node type; resolvers return `Connection` values
 * (src/pagination/connection.ts), whose `totalCount` may be a function called only when asked.
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

    // A function until asked for (src/server/plain-resolvers.ts calls it on the compiled path).
    @Field(() => Int)
    @Extensions({ lazyValue: true })
    totalCount!: number;
  }

  return { Edge, Connection };
}
