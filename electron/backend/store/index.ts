// The store files (data.json, settings.json, samples.json, chains.json): schemas, migrations,
// damaged items set aside; the data folder and ids.
// The only entry from outside this folder (a lint rule holds it).
export { defaultDataDir } from './data-dir';
export { newId } from './ids';
export { DATA_FORMAT } from './migrations';
export { DEFAULT_SETTINGS } from './schema';
export type {
  ChainsDoc,
  DataDoc,
  SamplesDoc,
  SettingsDoc,
  StoredConnection,
  StoredTrigger,
  StoredWorkspace,
} from './schema';
export { openStores } from './store';
export { batchedDoc } from './batch';
// For the test that holds the schema checker to ajv (test/unit/store-validate.test.ts).
export { chainsSchema, dataSchema, samplesSchema, settingsSchema } from './schema';
export { compileSchema, describeProblem } from './validate';
export type { DocStore, Stores } from './store';
