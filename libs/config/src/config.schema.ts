import { z } from 'zod';

const url = (protocols: string[]) =>
  z.url({ protocol: new RegExp(`^(${protocols.join('|')})$`), error: `must be a ${protocols.join(' or ')} URL` });
const port = z.coerce.number().int().min(1).max(65535);
const seconds = z.coerce.number().int().min(0);

const databaseSettings = {
  DATABASE_URL: url(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
};

const redisSettings = {
  REDIS_URL: url(['redis', 'rediss']),
  /** Prefix of every Bull key; separate deployments (or test runs) sharing one Redis use different prefixes. */
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9-]{1,32}$/).default('kasian'),
};

const storageSettings = {
  MINIO_ENDPOINT: url(['http', 'https']),
  MINIO_ACCESS_KEY: z.string().min(3),
  MINIO_SECRET_KEY: z.string().min(8),
  MINIO_REGION: z.string().default('us-east-1'),
  /** Versioned and created with object locking (ADR 0012); `-v2` because the first bucket was made without it. */
  STORAGE_BUCKET_EVIDENCE: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/).default('kasian-evidence-v2'),
  STORAGE_BUCKET_LOCKED: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/).default('kasian-locked'),
  /** Object-locked bucket for the signed audit checkpoints (ADR 0014). */
  STORAGE_BUCKET_CHECKPOINTS: z.string().regex(/^[a-z0-9][a-z0-9.-]{2,62}$/).default('kasian-audit-checkpoints'),
};

const auditSettings = {
  /** PEM file with the public key(s) that verify checkpoints: the current one and any retired ones. */
  AUDIT_PUBLIC_KEY_FILE: z.string().min(1),
};

const runtimeSettings = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** After SIGTERM/SIGINT, a process still closing after this long exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: seconds.max(300).default(20),
};

/** Kinds of evidence file the API accepts, recognised by their bytes (libs/evidence). */
export const EVIDENCE_KINDS = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'jpg', 'png'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const evidenceSettings = {
  /** Largest evidence file accepted, in MiB (refused with 413 from Content-Length, or while streaming). */
  EVIDENCE_MAX_FILE_MB: z.coerce.number().int().min(1).max(5_120).default(200),
  /** Comma-separated subset of EVIDENCE_KINDS. */
  EVIDENCE_ALLOWED_TYPES: z
    .string()
    .default(EVIDENCE_KINDS.join(','))
    .transform((list) => list.split(',').map((kind) => kind.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(EVIDENCE_KINDS, { error: `must list kinds among ${EVIDENCE_KINDS.join(', ')}` })).min(1)),
  /** Lifetime of a presigned download URL. */
  EVIDENCE_DOWNLOAD_URL_SECONDS: seconds.min(10).max(3_600).default(300),
};

export const apiConfigSchema = z.object({
  ...runtimeSettings,
  ...databaseSettings,
  ...redisSettings,
  ...storageSettings,
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3100),
  /** Public base URL printed in links and the OpenAPI document. */
  API_PUBLIC_URL: url(['http', 'https']).optional(),
  OIDC_ISSUER: url(['http', 'https']),
  OIDC_AUDIENCE: z.string().min(1),
  /** Defaults to Keycloak's certs endpoint under the issuer. */
  OIDC_JWKS_URL: url(['http', 'https']).optional(),
  ...auditSettings,
  AUTH_CLOCK_TOLERANCE_SECONDS: seconds.max(300).default(5),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
  /** How long GET /documents/:id/pdf waits for the worker to print before answering 202 (ADR 0011). */
  PDF_WAIT_SECONDS: seconds.max(60).default(20),
  ...evidenceSettings,
});

export const workerConfigSchema = z.object({
  ...runtimeSettings,
  ...databaseSettings,
  ...redisSettings,
  ...storageSettings,
  WORKER_HEALTH_HOST: z.string().default('127.0.0.1'),
  WORKER_HEALTH_PORT: port.default(3101),
  HEARTBEAT_EVERY_SECONDS: seconds.min(5).default(60),
  /** How often the worker puts the evidence of newly approved documents under legal hold (ADR 0012). */
  EVIDENCE_LOCK_SWEEP_SECONDS: seconds.min(1).max(3_600).default(5),
  ...auditSettings,
  /** PEM (PKCS #8) Ed25519 private key that signs checkpoints; it never enters the database. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1),
  /** How often each office's chain head is signed (only when it moved since the last checkpoint). */
  AUDIT_CHECKPOINT_EVERY_SECONDS: seconds.min(5).max(86_400).default(60),
  /** COMPLIANCE retention of each checkpoint object: nobody can delete or overwrite it before then. */
  AUDIT_CHECKPOINT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(3650),
  /** How often the worker re-verifies every office's whole trail against the checkpoints. */
  AUDIT_SELF_CHECK_EVERY_SECONDS: seconds.min(60).max(604_800).default(3600),
  /** RFC 3161 time-stamping authority for checkpoints (optional). */
  AUDIT_TSA_URL: url(['http', 'https']).optional(),
  AUDIT_TSA_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
export type WorkerConfig = z.infer<typeof workerConfigSchema>;
/** The settings both deployables share, for libraries that serve either. */
export type SharedConfig = Pick<ApiConfig, keyof ApiConfig & keyof WorkerConfig>;

/** What a command-line tool needs to open the database and the object store as the API does (`apiConfigSchema.pick`). */
export const DATABASE_AND_STORAGE_KEYS = {
  DATABASE_URL: true,
  MINIO_ENDPOINT: true,
  MINIO_ACCESS_KEY: true,
  MINIO_SECRET_KEY: true,
  MINIO_REGION: true,
  STORAGE_BUCKET_EVIDENCE: true,
  STORAGE_BUCKET_LOCKED: true,
  STORAGE_BUCKET_CHECKPOINTS: true,
} as const;
