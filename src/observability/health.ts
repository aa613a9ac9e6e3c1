import express from 'express';
import { DataSource } from 'typeorm';
import { ReplicaStatus } from '../db/read-replicas';

/**
 * `/healthz` is liveness: this process is alive and its event loop turns (it answers at all), so
 * an orchestrator restarts it only when a restart can help. It does not ask the database: during
 * a database outage every instance would fail it at once and be restarted for nothing, losing
 * its sockets and warm caches, while it serves what needs no database and recovers by itself.
 * `/readyz` is whether to send it traffic: the database answers, every migration is applied, and
 * the server is not shutting down (it fails from the first stop signal, so a load balancer
 * drains it first). With read replicas it also says how each is (`replicas`: in use, lagging or
 * down, and its lag), without failing for them: reads skip a replica that is not in use, so the
 * instance serves on the primary.
 */
export function healthRoutes(
  db: DataSource,
  isStopping: () => boolean,
  replicas?: () => ReplicaStatus[],
): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isStopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      const pending = await db.showMigrations();
      res
        .status(pending ? 503 : 200)
        .json({ status: pending ? 'migrations pending' : 'ready', ...(replicas && { replicas: replicas() }) });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  return router;
}
