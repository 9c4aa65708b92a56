import 'reflect-metadata';
import { apiConfigSchema, loadConfigOrExit } from '@kasian/config';
import { exitIfShutdownHangs } from '@kasian/observability';
import { createApiApp } from './bootstrap';

const config = loadConfigOrExit(apiConfigSchema);
const app = await createApiApp(config);
exitIfShutdownHangs(config.SHUTDOWN_TIMEOUT_SECONDS);
await app.listen({ host: config.API_HOST, port: config.API_PORT });
