// Triggers and what the composer keeps on them: payloads, headers, variables, YAML, cURL.
// The only entry from outside this folder (a lint rule holds it).
export { exportCurlCommand } from './curl';
export { setTriggerVariables, setTriggerYaml } from './extras';
export { fetchTriggerYaml } from './fetch-yaml';
export { setHeaders } from './headers';
export { importCurlTrigger } from './import';
export { openExternal } from './open-external';
export { deletePayload, pickBody, savePayload } from './payloads';
export { fillSecretVariables, setVariableSecret } from './secret-variables';
export {
  createTrigger,
  deleteTrigger,
  duplicateTrigger,
  listTriggers,
  restoreTrigger,
  setTriggerKey,
  updateTrigger,
} from './triggers';
