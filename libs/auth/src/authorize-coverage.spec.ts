import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule } from '@kasian/config';
import { Authorize } from './auth.decorators';
import { AuthModule } from './auth.module';

const config = { OIDC_ISSUER: 'http://127.0.0.1:9/realms/kasian', OIDC_AUDIENCE: 'kasian-api', AUTH_CLOCK_TOLERANCE_SECONDS: 0 };

@Controller('covered')
@Authorize()
class CoveredController {
  @Get() list() {
    return [];
  }
}

@Controller('leaky')
class LeakyController {
  @Authorize.Public() @Get('open') open() {
    return 'ok';
  }
  @Get('secret') secret() {
    return 'oops';
  }
}

async function boot(controllers: unknown[]) {
  @Module({ imports: [AppConfigModule.forRoot(config), AuthModule], controllers: controllers as never[] })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('AuthorizeCoverageCheck', () => {
  it('lets an app whose routes all carry a rule start', async () => {
    await expect(boot([CoveredController])).resolves.toBeUndefined();
  });

  it('stops an app that has a route without @Authorize, naming it', async () => {
    await expect(boot([CoveredController, LeakyController])).rejects.toThrow('Routes without an @Authorize rule: LeakyController.secret');
  });
});
