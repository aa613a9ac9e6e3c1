import express from 'express';
import { DataSource } from 'typeorm';

/**
 * `/healthz` is liveness (the process answers and reaches its database); `/readyz` is whether
 * to send it traffic: the database answers, every migration is applied, and the server is not
 * shutting down (it fails from the first stop signal, so a load balancer drains it first).
 */
export function healthRoutes(db: DataSource, isStopping: () => boolean): express.Router {
  const router = express.Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  router.get('/readyz', async (_req, res) => {
    if (isStopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      const pending = await db.showMigrations();
      res.status(pending ? 503 : 200).json({ status: pending ? 'migrations pending' : 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  return router;
}
