// The vault (OS keychain, or this session only) and a trigger's secrets in it.
// The only entry from outside this folder (a lint rule holds it).
export { SAMPLE_KEY, checkApiKey } from './keys';
export { secureStoredSecrets } from './secure-stored';
export {
  copySecrets,
  dropSecrets,
  keyShapedValue,
  loadSecrets,
  missing,
  movedToVaultNote,
  secretIds,
  storeHeaders,
} from './trigger-secrets';
export type { TriggerSecrets } from './trigger-secrets';
export { DEFAULT_VAULT_SERVICE, SESSION_WARNING, createVault, probeKeychain } from './vault';
export type { Vault } from './vault';
