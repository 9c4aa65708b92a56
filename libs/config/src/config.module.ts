import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './config.tokens';

/** Makes the already-validated configuration injectable everywhere as APP_CONFIG. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: object): DynamicModule {
    return { module: AppConfigModule, providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }], exports: [APP_CONFIG] };
  }
}
