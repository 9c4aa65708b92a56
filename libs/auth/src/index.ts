export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './keycloak-admin.client';
export * from './principal';
export * from './token-verifier';
