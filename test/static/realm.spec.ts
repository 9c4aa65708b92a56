import { readFileSync } from 'node:fs';
import { demoPeople } from '../../apps/api/src/demo/patueng';

interface RealmClient {
  clientId: string;
  publicClient: boolean;
  directAccessGrantsEnabled?: boolean;
  standardFlowEnabled?: boolean;
  attributes?: Record<string, string>;
  protocolMappers?: { protocolMapper: string; config: Record<string, string> }[];
}

const realm = JSON.parse(readFileSync('deploy/keycloak/kasian-realm.json', 'utf8')) as {
  realm: string;
  roles: { realm: { name: string }[] };
  clients: RealmClient[];
  users: { username: string; realmRoles: string[]; email?: string; firstName?: string; lastName?: string; attributes?: Record<string, string[]> }[];
};
const client = (id: string) => realm.clients.find((c) => c.clientId === id)!;
const mapperKinds = (c: RealmClient) => (c.protocolMappers ?? []).map((m) => m.protocolMapper).sort();

describe('the Keycloak realm export (deploy/keycloak/kasian-realm.json)', () => {
  it('is the kasian realm with Kasian’s roles', () => {
    expect(realm.realm).toBe('kasian');
    expect(realm.roles.realm.map((r) => r.name)).toEqual(expect.arrayContaining(['staff', 'official', 'auditor', 'admin']));
  });

  it('has a confidential API client and a public web client that requires PKCE S256', () => {
    expect(client('kasian-api')).toMatchObject({ publicClient: false, directAccessGrantsEnabled: true });
    expect(client('kasian-web')).toMatchObject({ publicClient: true, standardFlowEnabled: true, directAccessGrantsEnabled: false });
    expect(client('kasian-web').attributes?.['pkce.code.challenge.method']).toBe('S256');
  });

  it('puts the API audience and the office claim into tokens of both clients', () => {
    for (const id of ['kasian-api', 'kasian-web']) {
      expect(mapperKinds(client(id))).toEqual(['oidc-audience-mapper', 'oidc-usermodel-attribute-mapper']);
      const audience = client(id).protocolMappers!.find((m) => m.protocolMapper === 'oidc-audience-mapper')!;
      expect(audience.config['included.client.audience']).toBe('kasian-api');
    }
  });

  it('holds exactly the demo people the seed maps to positions, with the same roles', () => {
    const users = realm.users.filter((u) => !u.username.startsWith('service-account-'));
    expect(users.map((u) => u.username).sort()).toEqual(demoPeople.map((p) => p.username).sort());
    for (const person of demoPeople) {
      const user = users.find((u) => u.username === person.username)!;
      expect(user.realmRoles.filter((r) => !r.startsWith('default-roles')).sort()).toEqual([...person.realmRoles].sort());
      // Keycloak refuses the password grant for users without email, first and last name.
      expect([user.email, user.firstName, user.lastName].every(Boolean)).toBe(true);
      expect(user.attributes?.office).toEqual(['patueng']);
    }
  });
});
