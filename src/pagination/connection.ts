import { encodeCursor } from './cursor';
import { KeysetOrder } from './keyset-order';

/** Relay PageInfo as resolvers return it. */
interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * A connection as resolvers return it. `totalCount` may be a function, which graphql-js calls
 * only when a client asks for it, so an unasked count costs no query.
 */
export interface Connection<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  nodes: TNode[];
  pageInfo: PageInfoValue;
  totalCount: number | (() => Promise<number> | number);
}

/** A row as list queries select it: the node's columns plus its sort value as `sortKey`. */
type SortedRow<TNode> = TNode & { id: string; sortKey: unknown };

export interface PageSlice<TNode> {
  /** The rows in the list's order, at most one more than the page (that one says there is more). */
  rows: Array<SortedRow<TNode>>;
  size: number;
  /** Read backwards (`last`/`before`): `rows` came in reverse and say whether there is more before. */
  backward: boolean;
  /** A cursor the page started from, on the side it was read: there is something beyond it. */
  fromCursor: boolean;
  totalCount: Connection<TNode>['totalCount'];
}

function cursorValue(value: unknown): string | number {
  return value instanceof Date ? value.toISOString() : (value as string | number);
}

/**
 * The one way rows become a connection: edges with keyset cursors, nodes, pageInfo and the
 * count. `hasPreviousPage` on a forward page (and `hasNextPage` on a backward one) is whether
 * the page started from a cursor, which the Relay spec allows. Cursors are getters, made only
 * when a client asks for one (a feed that reads `nodes` makes none).
 */
export function toConnection<TNode>(order: KeysetOrder, slice: PageSlice<TNode>): Connection<TNode> {
  const hasMore = slice.rows.length > slice.size;
  const pageRows = slice.rows.slice(0, slice.size);
  if (slice.backward) pageRows.reverse();
  const cursorOf = (row: SortedRow<TNode>) => encodeCursor(order.name, { value: cursorValue(row.sortKey), id: row.id });
  const edges = pageRows.map((row) => ({
    get cursor() {
      return cursorOf(row);
    },
    node: row as TNode,
  }));
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  return {
    edges,
    nodes: pageRows as TNode[],
    pageInfo: {
      hasNextPage: slice.backward ? slice.fromCursor : hasMore,
      hasPreviousPage: slice.backward ? hasMore : slice.fromCursor,
      get startCursor() {
        return first ? cursorOf(first) : null;
      },
      get endCursor() {
        return last ? cursorOf(last) : null;
      },
    },
    totalCount: slice.totalCount,
  };
}

/** A connection with nothing in it. */
export function emptyConnection<TNode>(): Connection<TNode> {
  return {
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}
