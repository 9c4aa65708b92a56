import 'reflect-metadata';
import { loadConfigOrExit, workerConfigSchema } from '@kasian/config';
import { exitIfShutdownHangs } from '@kasian/observability';
import { createWorker } from './bootstrap';

const config = loadConfigOrExit(workerConfigSchema);
await createWorker(config);
exitIfShutdownHangs(config.SHUTDOWN_TIMEOUT_SECONDS);
