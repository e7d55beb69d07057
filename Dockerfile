# syntax=docker/dockerfile:1
# Normwatch image: production dependencies and the Vite islands are built in their own stages; the final
# stage holds only what `normwatch serve` reads and runs as the unprivileged `node` user.
# Build: docker build -t normwatch . — run: see docs/DEPLOYMENT.md (or `docker compose up`).
ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies only. Scripts are skipped: the package's own `prepare` (the islands build)
# needs vite, a dev dependency, and runs in the build stage below instead.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# The client islands (src/web/islands → dist/assets), built by Vite with the full dependency set.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY src/web/islands ./src/web/islands
RUN npm run build:islands

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# A font for the text of the share images (/og/…/*.png, drawn by resvg): the slim image has none.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/assets ./dist/assets
# tsx runs the TypeScript sources directly and reads tsconfig.json (JSX settings) from the working folder.
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY drizzle ./drizzle
COPY datasets ./datasets
COPY src ./src
# DATA_DIR holds the embedded database (when DATABASE_URL is unset), its lock file and the generated link
# secret; it is the only folder the app writes to.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz answers 200 once the database answers; the first start migrates and seeds before it listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `normwatch serve`, what the README's `npm start` runs, without npm and tsx's watcher process in between:
# node is PID 1 and receives SIGTERM itself (normwatch serve closes the database cleanly on it).
CMD ["node", "bin/normwatch.js", "serve"]
