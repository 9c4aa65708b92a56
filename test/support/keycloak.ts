import { KeycloakAdminClient, passwordGrant } from '@kasian/auth';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/patueng';
import { requireEnv } from './env';

export function keycloakAdmin(): KeycloakAdminClient {
  return new KeycloakAdminClient({
    baseUrl: requireEnv('KEYCLOAK_URL'),
    realm: requireEnv('KEYCLOAK_REALM'),
    adminUser: requireEnv('KEYCLOAK_ADMIN_USER'),
    adminPassword: requireEnv('KEYCLOAK_ADMIN_PASSWORD'),
  });
}

/** A real access token from Keycloak for a demo user (password grant on the API's client). */
export async function tokenFor(username: string, client = { id: requireEnv('OIDC_CLIENT_ID'), secret: requireEnv('OIDC_CLIENT_SECRET') }) {
  const { accessToken } = await passwordGrant({
    issuer: requireEnv('OIDC_ISSUER'),
    clientId: client.id,
    clientSecret: client.secret,
    username,
    password: DEMO_PASSWORD,
  });
  return accessToken;
}
