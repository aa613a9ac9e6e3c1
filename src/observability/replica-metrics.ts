import { Counter, Gauge, Registry } from 'prom-client';
import { ReplicaStatus } from '../db/read-replicas';

/**
 * The read replicas in /metrics, read at each scrape: whether reads may go to each
 * (`broadsheet_db_replica_in_use`), how far behind it was at the last check
 * (`broadsheet_db_replica_lag_seconds`: +Inf when behind by more than is known, NaN when down),
 * and the statements of requests' reads by the server that ran them
 * (`broadsheet_db_reads_total{server="primary"|"<host:port>"}`).
 */
export function observeReplicas(
  registry: Registry,
  status: () => ReplicaStatus[],
  statements: ReadonlyMap<string, number>,
): void {
  new Gauge({
    name: 'broadsheet_db_replica_in_use',
    help: 'Whether reads go to the replica: 1 in use; 0 skipped, being further behind than REPLICA_MAX_LAG_MS or down.',
    labelNames: ['replica'],
    registers: [registry],
    collect() {
      for (const replica of status()) this.set({ replica: replica.name }, replica.state === 'in use' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'broadsheet_db_replica_lag_seconds',
    help: "How far the replica was behind the primary's WAL position at the last check (+Inf: further than known; NaN: down).",
    labelNames: ['replica'],
    registers: [registry],
    collect() {
      for (const replica of status()) {
        const lag = replica.state === 'down' ? NaN : replica.lagMs === null ? Infinity : replica.lagMs / 1000;
        this.set({ replica: replica.name }, lag);
      }
    },
  });
  new Counter({
    name: 'broadsheet_db_reads_total',
    help: "Statements of requests' reads, by the server that ran them: primary, or a replica (host:port).",
    labelNames: ['server'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [server, count] of statements) this.inc({ server }, count);
    },
  });
}
