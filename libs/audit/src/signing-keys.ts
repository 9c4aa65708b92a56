import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyIdOf, PublicKeyRing } from './checkpoint';

/**
 * Checkpoint keys live in files, never in the database (ADR 0014): the worker reads the Ed25519
 * private key (PKCS #8 PEM), the API, the CLI and auditors the public key file, which may also
 * list retired keys so older checkpoints keep verifying after a rotation.
 */
export function loadSigningKey(path: string): KeyObject {
  const key = createPrivateKey(readKeyFile(path, 'AUDIT_SIGNING_KEY_FILE'));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} holds a ${key.asymmetricKeyType} key; checkpoints are signed with Ed25519.`);
  return key;
}

export function loadPublicKeys(path: string): PublicKeyRing {
  const ring = PublicKeyRing.fromPem(readKeyFile(path, 'AUDIT_PUBLIC_KEY_FILE'));
  if (!ring.size) throw new Error(`${path} holds no Ed25519 public key (PEM "BEGIN PUBLIC KEY").`);
  return ring;
}

function readKeyFile(path: string, variable: string): string {
  if (!existsSync(path)) throw new Error(`${variable}: ${path} does not exist (npm start makes a demo key; production keys are made with \`npm run audit:keygen\`).`);
  return readFileSync(path, 'utf8');
}

export interface KeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/**
 * Makes a key pair when the private key file is missing, and adds the private key's public half to
 * the public key file when it is not listed there. Answers the key id. Never replaces a key.
 */
export function ensureSigningKey({ privateKeyFile, publicKeyFile }: KeyFiles): { keyId: string; created: boolean } {
  const created = !existsSync(privateKeyFile);
  if (created) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(privateKeyFile), { recursive: true, mode: 0o700 });
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const publicKey = createPublicKey(loadSigningKey(privateKeyFile));
  const listed = existsSync(publicKeyFile) ? readFileSync(publicKeyFile, 'utf8') : '';
  const keyId = keyIdOf(publicKey);
  if (!PublicKeyRing.fromPem(listed).has(keyId)) {
    mkdirSync(dirname(publicKeyFile), { recursive: true });
    writeFileSync(publicKeyFile, `${listed}${publicKey.export({ type: 'spki', format: 'pem' })}`);
  }
  return { keyId, created };
}
