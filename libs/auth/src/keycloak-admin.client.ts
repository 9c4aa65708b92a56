export interface KeycloakAdminOptions {
  baseUrl: string;
  realm: string;
  adminUser: string;
  adminPassword: string;
}

export interface KeycloakUser {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
  attributes?: Record<string, string[]>;
}

/** A small client for the Keycloak Admin REST API, used by the demo seed and the end-to-end tests. */
export class KeycloakAdminClient {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly options: KeycloakAdminOptions) {}

  async findUser(username: string): Promise<KeycloakUser | null> {
    const users = await this.request<KeycloakUser[]>('GET', `/users?exact=true&username=${encodeURIComponent(username)}`);
    return users[0] ?? null;
  }

  async createUser(user: Omit<KeycloakUser, 'id'> & { password: string; realmRoles: string[] }): Promise<KeycloakUser> {
    const { password, realmRoles, ...representation } = user;
    await this.request('POST', '/users', {
      ...representation,
      enabled: true,
      emailVerified: true,
      credentials: [{ type: 'password', value: password, temporary: false }],
    });
    const created = await this.findUser(user.username);
    if (!created) throw new Error(`Keycloak did not return the user ${user.username} it just created`);
    const roles = await Promise.all(realmRoles.map((role) => this.request<{ id: string; name: string }>('GET', `/roles/${role}`)));
    await this.request('POST', `/users/${created.id}/role-mappings/realm`, roles);
    return created;
  }

  async deleteUser(id: string): Promise<void> {
    await this.request('DELETE', `/users/${id}`);
  }

  async updateAttributes(user: KeycloakUser, attributes: Record<string, string[]>): Promise<void> {
    await this.request('PUT', `/users/${user.id}`, { ...user, attributes: { ...user.attributes, ...attributes } });
  }

  /** Creates or replaces a client (by clientId); returns its internal id. */
  async upsertClient(representation: Record<string, unknown> & { clientId: string }): Promise<string> {
    const existing = await this.request<{ id: string }[]>('GET', `/clients?clientId=${encodeURIComponent(representation.clientId)}`);
    if (existing[0]) await this.request('DELETE', `/clients/${existing[0].id}`);
    await this.request('POST', '/clients', representation);
    const [created] = await this.request<{ id: string }[]>('GET', `/clients?clientId=${encodeURIComponent(representation.clientId)}`);
    return created.id;
  }

  async deleteClient(clientId: string): Promise<void> {
    const existing = await this.request<{ id: string }[]>('GET', `/clients?clientId=${encodeURIComponent(clientId)}`);
    if (existing[0]) await this.request('DELETE', `/clients/${existing[0].id}`);
  }

  private async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.options.baseUrl}/admin/realms/${this.options.realm}${path}`;
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${await this.accessToken()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`Keycloak admin ${method} ${path} → ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 5_000) return this.token.value;
    const response = await fetch(`${this.options.baseUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: this.options.adminUser,
        password: this.options.adminPassword,
      }),
    });
    if (!response.ok) throw new Error(`Keycloak admin sign-in failed: ${response.status} ${await response.text()}`);
    const { access_token, expires_in } = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: access_token, expiresAt: Date.now() + expires_in * 1000 };
    return access_token;
  }
}

/** Password grant against a realm client: how the CLI, the demo and the tests obtain real tokens. */
export async function passwordGrant(options: {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  username: string;
  password: string;
}): Promise<{ accessToken: string; expiresIn: number }> {
  const response = await fetch(`${options.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: options.clientId,
      ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
      username: options.username,
      password: options.password,
      scope: 'openid',
    }),
  });
  if (!response.ok) throw new Error(`Token request for ${options.username} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresIn: body.expires_in };
}
