# syntax=docker/dockerfile:1
# The UCP onboarding assistant as a container: Node 22 LTS, production dependencies only, run as the unprivileged "node" user.
# Build: docker build -t ucp-onboarding . ; run: docker run -p 3978:3978 -v ucp-data:/data --env-file .env ucp-onboarding

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# rimraf is a runtime dependency, so botbuilder-dialogs' postinstall (npx rimraf) finds it without a download.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim
# HOST=0.0.0.0 so the published port reaches the bot. Without MicrosoftAppId the bot refuses to start on it (an open,
# unauthenticated bot); to try local mode in a container, pass -e ALLOW_UNAUTHENTICATED=true yourself. Never set it here.
ENV DATA_DIR=/data \
    PORT=3978 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# The code stays owned by root and read-only to the service; only the data folder is the service's to write.
COPY . .
# Compiled to JavaScript in dist/ (npm run build), so the service runs on plain node without a TypeScript loader.
RUN node --import tsx scripts/build.ts && mkdir -p /data && chown node:node /data
USER node
# live.json, audit.jsonl, archive.jsonl and writer.lock: mount persistent storage here (App Service: DATA_DIR=/home/data).
# With STORE=postgres the records are in the database and this folder holds only the admin socket.
VOLUME ["/data"]
EXPOSE 3978
# The slim image has no curl: ask /healthz with Node's own fetch (503 when the store cannot write).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: the process is PID 1 and gets SIGTERM itself, so it drains turns and flushes the store before exiting.
# The same command as npm start (whose prestart builds dist/, done above for the image), with the same one known warning
# hidden: restify's DEP0111 (README "Quick start").
CMD ["node", "--disable-warning=DEP0111", "dist/bot/index.js"]
