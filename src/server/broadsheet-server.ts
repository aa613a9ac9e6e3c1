import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type express from 'express';
import { DataSource } from 'typeorm';
import { EventBus } from '../bus/event-bus';
import { Config } from '../config';
import { Context } from '../context/context';
import { createContextFactory } from '../context/context-factory';
import { OperationLimits } from '../limits/operation-limits';
import { Logger } from '../logger';
import type { Tracing } from '../observability/tracing/tracing-start';
import { Services } from '../services';

export interface ServerDeps {
  config: Config;
  db: DataSource;
  jwtSecret: string;
  logger: Logger;
  limits?: OperationLimits;
  /** OpenTelemetry, when main.ts started it (OTEL_EXPORTER_OTLP_ENDPOINT); tests leave it out. */
  tracing?: Tracing;
}

export interface BroadsheetServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  services: Services;
  /** Where the dispatcher hands live events; every instance's subscribers hear them. */
  bus: EventBus;
  /** The context factory the server uses, for `executeOperation` with production settings. */
  createContext: ReturnType<typeof createContextFactory>;
  listen(port: number, host: string): Promise<number>;
  /** Starts the capabilities' background jobs (go-live sweep, dispatcher, prunes), as `npm start` does. */
  startJobs(): void;
  /** Fails /readyz from now on, still serving: load balancers see it and send traffic elsewhere. */
  beginDraining(): void;
  /** Stops the jobs, fails /readyz, stops accepting, lets in-flight requests finish. The pool stays for the caller. */
  stop(): Promise<void>;
}
