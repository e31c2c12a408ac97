// `status <apiUrl>` and `chain <name>` take the same options: one target, --wait, --json, --data, --help.
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS } from './options';

export interface TargetArgs {
  /** null unless exactly one positional was given. */
  target: string | null;
  wait: boolean;
  json: boolean;
  dataDir: string;
  help: boolean;
}

/** Throws (node's parseArgs) on an unknown option. */
export function parseTargetArgs(args: string[], defaultDataDir: string): TargetArgs {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...COMMON_OPTIONS,
      wait: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  });
  return {
    target: positionals.length === 1 ? (positionals[0] ?? null) : null,
    wait: values.wait ?? false,
    json: values.json ?? false,
    dataDir: values.data ?? defaultDataDir,
    help: values.help ?? false,
  };
}
