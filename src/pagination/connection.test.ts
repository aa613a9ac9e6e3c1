/**
 * `toConnection` turns the rows a keyset query read into a Relay connection: page size, list
 * order for backward pages, pageInfo flags and cursors that lead back to each row.
 */
import { emptyConnection, PageSlice, toConnection } from './connection';
import { decodeCursor } from './cursor';
import { BY_PUBLISHED_AT } from './sort-orders';

interface Post {
  title: string;
}

const row = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  title: `post ${n}`,
  sortKey: new Date(Date.UTC(2024, 0, 10 - n)),
});
const [R1, R2, R3] = [row(1), row(2), row(3)];

const slice = (rows: PageSlice<Post>['rows'], options: Partial<PageSlice<Post>> = {}): PageSlice<Post> => ({
  rows,
  size: 2,
  backward: false,
  fromCursor: false,
  totalCount: 3,
  ...options,
});
const connect = (rows: PageSlice<Post>['rows'], options: Partial<PageSlice<Post>> = {}) =>
  toConnection(BY_PUBLISHED_AT, slice(rows, options));
const titles = (rows: PageSlice<Post>['rows'], options: Partial<PageSlice<Post>> = {}) =>
  expect(connect(rows, options).edges.map((edge) => edge.node.title));
const positionOf = (cursor: string | null) => decodeCursor(BY_PUBLISHED_AT.name, cursor ?? '', 'after');

describe('toConnection, forward', () => {
  it('keeps only `size` rows', () => titles([R1, R2, R3]).toEqual(['post 1', 'post 2']));
  it('has a next page when there was a row more than the page', () =>
    expect(connect([R1, R2, R3]).pageInfo.hasNextPage).toBe(true));
  it('has no next page when the rows fit', () => expect(connect([R1, R2]).pageInfo.hasNextPage).toBe(false));
  it('has a previous page exactly when it started from a cursor', () => {
    expect(connect([R1, R2, R3], { fromCursor: true }).pageInfo.hasPreviousPage).toBe(true);
    expect(connect([R1, R2, R3], { fromCursor: false }).pageInfo.hasPreviousPage).toBe(false);
  });
});

describe('toConnection, backward', () => {
  const backward = { backward: true };
  it('puts rows read in reverse back in list order', () =>
    titles([R3, R2, R1], backward).toEqual(['post 2', 'post 3']));
  it('has a previous page when there was a row more than the page', () =>
    expect(connect([R3, R2, R1], backward).pageInfo.hasPreviousPage).toBe(true));
  it('has no previous page when the rows fit', () =>
    expect(connect([R3, R2], backward).pageInfo.hasPreviousPage).toBe(false));
  it('has a next page exactly when it started from a cursor', () => {
    expect(connect([R3, R2, R1], { ...backward, fromCursor: true }).pageInfo.hasNextPage).toBe(true);
    expect(connect([R3, R2, R1], { ...backward, fromCursor: false }).pageInfo.hasNextPage).toBe(false);
  });
  it('has start and end cursors of the first and last rows in list order', () => {
    const { pageInfo } = connect([R3, R2, R1], backward);
    expect(positionOf(pageInfo.startCursor).id).toBe(R2.id);
    expect(positionOf(pageInfo.endCursor).id).toBe(R3.id);
  });
});

describe('toConnection, cursors and nodes', () => {
  it("gives each edge a cursor of its row's sort key (as an ISO string) and id", () => {
    const { edges } = connect([R1, R2]);
    expect(edges.map((edge) => positionOf(edge.cursor))).toEqual([
      { value: '2024-01-09T00:00:00.000Z', id: R1.id },
      { value: '2024-01-08T00:00:00.000Z', id: R2.id },
    ]);
  });
  it('keeps a sort key that is not a Date as it is', () =>
    expect(positionOf(connect([{ ...R1, sortKey: 0.75 }]).pageInfo.startCursor)).toEqual({ value: 0.75, id: R1.id }));
  it("has startCursor and endCursor equal to the first and last edges' cursors", () => {
    const { edges, pageInfo } = connect([R1, R2, R3]);
    expect([pageInfo.startCursor, pageInfo.endCursor]).toEqual([edges[0].cursor, edges[1].cursor]);
    expect(pageInfo.startCursor).not.toBe(pageInfo.endCursor);
  });
  it("has nodes equal to the edges' nodes", () => {
    const connection = connect([R1, R2, R3]);
    expect(connection.nodes).toEqual(connection.edges.map((edge) => edge.node));
    expect(connection.nodes).toEqual([R1, R2]);
  });
  it('passes totalCount through, a function untouched', () => {
    const count = () => 42;
    expect(connect([R1], { totalCount: count }).totalCount).toBe(count);
  });
  it('has null cursors and no pages around when there are no rows', () =>
    expect(connect([], { fromCursor: false }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    }));
});

describe('emptyConnection', () => {
  it('has no edges, no nodes, a count of 0 and null cursors', () =>
    expect(emptyConnection()).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    }));
  it('gives a new connection each time, so one caller cannot change another', () =>
    expect(emptyConnection().edges).not.toBe(emptyConnection().edges));
});
