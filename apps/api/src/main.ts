import 'reflect-metadata';
import { apiConfigSchema, loadConfigOrExit } from '@kasian/config';
import { createApiApp } from './bootstrap';

const config = loadConfigOrExit(apiConfigSchema);
const app = await createApiApp(config);
await app.listen({ host: config.API_HOST, port: config.API_PORT });
