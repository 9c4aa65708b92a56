import 'reflect-metadata';
import { z } from 'zod';
import { KeycloakAdminClient } from '@kasian/auth';
import { loadConfigOrExit } from '@kasian/config';
import { PrismaService } from '@kasian/database';
import { seedDemo } from '../demo/seed-demo';

const config = loadConfigOrExit(
  z.object({
    DATABASE_URL: z.url(),
    KEYCLOAK_URL: z.url(),
    KEYCLOAK_REALM: z.string().default('kasian'),
    KEYCLOAK_ADMIN_USER: z.string(),
    KEYCLOAK_ADMIN_PASSWORD: z.string(),
  }),
);

const prisma = new PrismaService({ DATABASE_URL: config.DATABASE_URL, DATABASE_POOL_SIZE: 2 });
const keycloak = new KeycloakAdminClient({
  baseUrl: config.KEYCLOAK_URL,
  realm: config.KEYCLOAK_REALM,
  adminUser: config.KEYCLOAK_ADMIN_USER,
  adminPassword: config.KEYCLOAK_ADMIN_PASSWORD,
});

try {
  const logins = await seedDemo(prisma, keycloak);
  process.stdout.write(`${JSON.stringify({ seeded: 'patueng', logins })}\n`);
} finally {
  await prisma.$disconnect();
}
