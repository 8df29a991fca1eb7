# syntax=docker/dockerfile:1
# Build stage: all dependencies (TypeScript is a dev dependency), then compile src/ to dist/.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` builds, and the sources are not copied in yet.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY config ./config
COPY views ./views
COPY public ./public
# Type-checks src/ and fails the image on any error (tsc's exit code), then writes dist/.
RUN npm run build

# Runtime stage: production dependencies only, the compiled dist/ (no src/), non-root user.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build, which needs TypeScript; dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/config ./config
COPY --from=build /app/views ./views
# public/ holds the page's CSS, script and icon: loadAssets reads it at start.
COPY --from=build /app/public ./public
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/ikp-status.js", "serve"]
