# syntax=docker/dockerfile:1
# Uniphore history widget: the proxy serving the built widget.
# docker build -t uniphore-history-widget .
# docker run -p 8080:8080 --env-file .env uniphore-history-widget   (settings: see .env.example)

# --- Build the widget (needs the dev dependencies: Vite, React plugin) -----------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- Runtime: production dependencies only (tsx runs the TypeScript sources) -------------------------
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    STATIC_DIR=/app/dist
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY src ./src
USER node
EXPOSE 8080
# /healthz only says the process is up; orchestrators wanting "can reach Uniphore" should probe /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` reaches node directly (exec form): in-flight lookups finish first.
CMD ["node", "--import", "tsx", "src/main.ts"]
