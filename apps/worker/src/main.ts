import 'reflect-metadata';
import { loadConfigOrExit, workerConfigSchema } from '@kasian/config';
import { createWorker } from './bootstrap';

const config = loadConfigOrExit(workerConfigSchema);
await createWorker(config);
