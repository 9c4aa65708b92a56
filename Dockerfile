# One image for both deployables (api and worker); the command chooses which runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN bash scripts/prisma.sh generate && bash scripts/build.sh

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The Prisma CLI (a dev dependency) stays in the image so the `migrate` service can run `migrate deploy`.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma.sh scripts/migrate.sh ./scripts/
# Where the compose file mounts the checkpoint keys (volumes take this ownership when first created).
RUN mkdir -p /var/lib/kasian/audit-signing /var/lib/kasian/audit-public && chown -R node /var/lib/kasian
USER node
EXPOSE 3100 3101
CMD ["node", "dist/apps/api/src/main.js"]
