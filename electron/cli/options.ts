// The options every command on the data folder takes alike: --json, --data DIR, --help.
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
