import { Queryable } from './queryable';
import { ReadReplicas } from './read-replicas';
import { Replica } from './replica';
import { WalPosition } from './wal-position';

/** Where the readers of one request (or one live event) send their statements. */
export interface ReadRouting {
  /**
   * The reads of `request` (any object that lives as long as it: its facts). `signedIn`: the
   * viewer has a token, so the reads go to the primary.
   */
  readsFor(request: object, signedIn: boolean): Queryable;
}

/** Without replicas: every read on the primary. */
export function primaryOnly(primary: Queryable): ReadRouting {
  return { readsFor: () => primary };
}

/** What one request asked of the routing before its first read. */
interface Route {
  /** Its reads go to the primary: a preview, or a mutation. */
  pinned?: boolean;
  /** A mutation: its writes are on the primary, so are the reads of its answer; it gets a read-after token. */
  mutation?: boolean;
  /** A position the client wrote up to (its read-after token): only a replica past it will do. */
  readAfter?: WalPosition;
}

/**
 * Reads with replicas. Anonymous reads go to a replica in use (ReadReplicas.choose: the least
 * busy, in turn); to the primary go the reads of signed-in viewers (staff read drafts, queues
 * and what they just did), of mutations (a write and the reads of its answer: Payload served
 * NotFound when those went to a replica, payloadcms/payload#16083) and previews (opened the
 * moment they are made), of a client that carries a
 * position no replica in use has replayed yet (its own write), and of everyone when no replica
 * is in use. One request's reads stay on the server chosen at its first statement, so an answer
 * is read from one server. A read that fails on a replica (gone, or canceled by replay) runs
 * again on the primary, and so do the rest of that request's: no client sees a replica's failure.
 */
export class ReplicaRouting implements ReadRouting {
  private readonly routes = new WeakMap<object, Route>();
  /** Statements of requests' reads by the server that ran them, for /metrics. */
  readonly statements = new Map<string, number>();

  constructor(
    private readonly primary: Queryable,
    private readonly replicas: ReadReplicas,
  ) {
    for (const name of ['primary', ...replicas.replicas.map((replica) => replica.name)]) this.statements.set(name, 0);
  }

  /** The request's reads go to the primary (it opens a preview). */
  pinToPrimary(request: object): void {
    this.routes.set(request, { ...this.routes.get(request), pinned: true });
  }

  /** The request runs a mutation: its reads go to the primary, and its client gets a read-after token. */
  noteMutation(request: object): void {
    this.routes.set(request, { ...this.routes.get(request), pinned: true, mutation: true });
  }

  ranMutation(request: object): boolean {
    return this.routes.get(request)?.mutation === true;
  }

  /** The client wrote up to `position`: its reads go to a replica that has replayed it, or the primary. */
  readAfter(request: object, position: WalPosition): void {
    this.routes.set(request, { ...this.routes.get(request), readAfter: position });
  }

  /** The client carries a write no replica in use has replayed yet: its reads go to the primary. */
  awaitsOwnWrite(request: object): boolean {
    const position = this.routes.get(request)?.readAfter;
    return position !== undefined && !this.replicas.hasReplayed(position);
  }

  readsFor(request: object, signedIn: boolean): Queryable {
    // undefined: not chosen yet; null: the primary.
    let target: Replica | null | undefined;
    const onPrimary = (sql: string, params?: unknown[]) => {
      this.count('primary');
      return this.primary.query(sql, params);
    };
    return {
      query: async (sql, params) => {
        target ??= this.choose(request, signedIn) ?? null;
        if (target === null) return onPrimary(sql, params);
        const replica = target;
        try {
          const rows = await replica.reads.query(sql, params);
          this.count(replica.name);
          return rows;
        } catch (error) {
          this.replicas.failed(replica, error);
          target = null;
          return onPrimary(sql, params);
        }
      },
    };
  }

  private choose(request: object, signedIn: boolean): Replica | undefined {
    const route = this.routes.get(request);
    if (signedIn || route?.pinned) return undefined;
    return this.replicas.choose(route?.readAfter);
  }

  private count(server: string): void {
    this.statements.set(server, (this.statements.get(server) ?? 0) + 1);
  }
}
