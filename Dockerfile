# Rejse: one process serving the API, the live sync and the built client, with its SQLite
# database in the DATA_DIR volume (or PostgreSQL with DATABASE_URL, REDIS_URL: see compose.yaml).
#   docker build -t rejse . && docker run -p 8787:8787 -v rejse-data:/data rejse
# Stage 1 installs everything and builds; stage 2 keeps only the compiled server, the client
# files and the server's production dependencies (no TypeScript, no tsx, no build tools).

FROM node:20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 compiles from source on Node 20 (see NOTES: version 12 is the one for Node 20);
# pg-native's libpq addon (PostgreSQL storage, DATABASE_URL) compiles against libpq-dev.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ libpq-dev \
    && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npx -y pnpm@10 install --frozen-lockfile \
    && node scripts/build.mjs --force \
    && npx -y pnpm@10 --filter @rejse/server deploy --prod --legacy /out \
    && rm -rf /out/dist /out/src && cp -r server/dist /out/dist \
    && mkdir -p /out/client && cp -r client/dist /out/client/dist

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATA_DIR=/data \
    CLIENT_DIST=/app/client/dist
WORKDIR /app
# libpq5: the shared library pg-native's addon loads when DATABASE_URL is set.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /out /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
# Readiness runs a query against the store, so a broken volume shows as unhealthy.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM → graceful shutdown (stop accepting, flush, compact, close the database).
STOPSIGNAL SIGTERM
# No --enable-source-maps by default: loading the map costs ~15 MiB resident; set
# NODE_OPTIONS=--enable-source-maps to read stack traces against the TypeScript sources.
CMD ["node", "dist/main.js"]
