// What the composer knows about a payload after each edit: JSON validity (with the place and plain
// words of the first problem), the {{variables}} it uses, and which of the trigger's payload paths
// it has. Pure, so it runs in the worker (off the typing path) and in tests alike.
import { checkPaths, type PayloadPath, type PathState } from '../../../shared/harness/payload-paths';
import { byteLength } from '../../../shared/harness/request-preview';
import { maskVariablesForJson, variableNames } from '../../../shared/harness/variables';
import { checkJson } from '../../json-check';

export interface AnalyzeRequest {
  seq: number;
  key: string;
  text: string;
  json: boolean;
  paths: PayloadPath[];
}

export interface PathResult {
  path: string;
  state: PathState;
  detail: string;
}

export interface Analysis {
  seq: number;
  key: string;
  /** Length of the text analysed, to tell a stale answer. */
  length: number;
  /** Valid JSON (variables standing for values), or not checked because the content type is not JSON. */
  ok: boolean;
  empty: boolean;
  error: { message: string; line: number; column: number; offset: number } | null;
  variables: string[];
  paths: PathResult[];
  bytes: number;
  ms: number;
}

export function analyze(r: AnalyzeRequest, now: () => number = () => performance.now()): Analysis {
  const started = now();
  const base = {
    seq: r.seq,
    key: r.key,
    length: r.text.length,
    variables: variableNames(r.text, r.json),
    bytes: byteLength(r.text),
  };
  const done = (a: Omit<Analysis, 'seq' | 'key' | 'length' | 'variables' | 'bytes' | 'ms'>): Analysis => ({
    ...base,
    ...a,
    ms: now() - started,
  });
  if (!r.json) return done({ ok: true, empty: r.text.trim() === '', error: null, paths: [] });
  const masked = maskVariablesForJson(r.text);
  let value: unknown;
  try {
    value = JSON.parse(masked);
  } catch {
    const c = checkJson(masked);
    const error = c.ok
      ? { message: 'This is not valid JSON.', line: 1, column: 1, offset: 0 }
      : { message: c.message, line: c.line, column: c.column, offset: c.offset };
    return done({ ok: false, empty: !c.ok && c.empty, error, paths: checkPaths(r.paths, undefined).map(lite) });
  }
  return done({ ok: true, empty: false, error: null, paths: checkPaths(r.paths, value).map(lite) });
}

function lite(s: ReturnType<typeof checkPaths>[number]): PathResult {
  return { path: s.path.path, state: s.state, detail: s.detail };
}
