import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { sealStoredMfaSecrets } from './modules/auth/mfa-secrets.ts';
import {
  keyFilePath,
  loadSecretBox,
  newSecretKey,
  readKeyFile,
  SecretBox,
  writeKeyFile,
} from './platform/auth/secret-box.ts';

/**
 * `fascia secrets rotate`. With FASCIA_SECRETS_KEY the operator has already put the new key there
 * (the old one in FASCIA_SECRETS_PREVIOUS_KEYS); every secret is re-sealed under it. With the key
 * file a new key is made: the file first lists it before the old keys, then everything is
 * re-sealed in one transaction, then the old keys are dropped — a crash at any point leaves a
 * file that opens every stored secret.
 */
export async function rotateSecrets(config: Config, ownerDb: Kysely<Database>): Promise<string> {
  if (config.secretsKey) {
    const box = loadSecretBox(config);
    const n = await sealStoredMfaSecrets(ownerDb, box, { reseal: true });
    return (
      `${n} secrets re-sealed with key ${box.currentKeyId} (FASCIA_SECRETS_KEY). ` +
      'FASCIA_SECRETS_PREVIOUS_KEYS can now be removed.'
    );
  }
  const file = keyFilePath(config);
  const old = loadSecretBox(config); // creates the file on a first start
  const fresh = newSecretKey();
  const oldKeys = readKeyFile(file).map((k) => k.toString('base64'));
  writeKeyFile(file, [fresh, ...oldKeys]);
  const box = new SecretBox(readKeyFile(file));
  const n = await sealStoredMfaSecrets(ownerDb, box, { reseal: true });
  writeKeyFile(file, [fresh]);
  return `${n} secrets re-sealed with new key ${box.currentKeyId} in ${file} (was ${old.currentKeyId}).`;
}
