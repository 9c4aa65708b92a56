import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type ApiConfig } from '@kasian/config';
import { AuthGuard } from './auth.guard';
import { AuthorizeCoverageCheck } from './authorize-coverage';
import { TokenVerifier } from './token-verifier';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    AuthorizeCoverageCheck,
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG],
      useFactory: (config: ApiConfig) =>
        new TokenVerifier({
          issuer: config.OIDC_ISSUER,
          audience: config.OIDC_AUDIENCE,
          jwksUrl: config.OIDC_JWKS_URL,
          clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
