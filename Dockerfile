# The Fixline sync server as a container, for a center that runs its services that way (the
# README's "Run a sync server for your center" says when to choose it over `npm run server`).
#   docker build -t fixline-server .
#   docker run -p 7411:7411 -v fixline-data:/data fixline-server
# It keeps the embedded database and the attachments' bytes in the /data volume, serves the
# browser build at / and the sync API under /sync/; add --database-url postgres://… (or set
# DATABASE_URL) to use PostgreSQL. The pairing code is in the container's log.
FROM node:22-bookworm-slim

WORKDIR /app
# No Electron binary in a server image; no package's install script runs.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts

COPY . .
# The browser build, served by the server so a browser station talks to its own origin.
RUN npx vite build --config vite.web.config.ts && mkdir -p /data && chown node:node /data

USER node
EXPOSE 7411
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:7411/health').then((answer) => process.exit(answer.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npx", "tsx", "server/src/main.ts", "--host", "0.0.0.0", "--port", "7411", "--data-dir", "/data/db", "--blob-dir", "/data/blobs", "--web-root", "out/web"]
