# Broadsheet's production image. Two stages: `build` installs every dependency and compiles
# src/ to dist/; `runtime` installs the production dependencies alone and takes dist/ from it, so
# TypeScript, the tests and the sources stay out of the image, and so does any local .data
# (.dockerignore). It runs as the unprivileged `node` user, listens on 0.0.0.0:4000 and expects
# DATABASE_URL and JWT_SECRET (compose.yaml sets them; README, Running in production).
# Checked by tests/reliability/container-files.test.ts; not built in CI (no Docker engine there).
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# Readiness, not liveness: the container reports healthy once the database answers and every
# migration is applied (compose waits for it). An orchestrator that restarts unhealthy
# containers (Swarm) should probe /healthz instead, or a database outage restarts them all.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: signals reach the server, and stdout is its JSON log alone.
CMD ["node", "dist/main.js"]
