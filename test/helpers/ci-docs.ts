// Reads the copy-ready CI steps out of docs/ci.md, so a test runs exactly the text a user copies:
// the GitHub Actions steps, the Jenkins `sh` script (Groovy's `\\` unescaped) and the GitLab jobs.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const DOC = new URL('../../docs/ci.md', import.meta.url);

/** The first fenced block of `lang` under the `## heading` section. */
export function block(heading: string, lang: string): string {
  const text = readFileSync(DOC, 'utf8');
  const at = text.indexOf(`\n## ${heading}\n`);
  if (at < 0) throw new Error(`docs/ci.md has no section "${heading}"`);
  const section = text.slice(at + 1).split(/\n## /)[0] ?? '';
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(section);
  if (!m?.[1]) throw new Error(`docs/ci.md "${heading}" has no ${lang} block`);
  return m[1];
}

export interface GitHubStep {
  name: string;
  id?: string;
  env?: Record<string, string>;
  run: string;
}

export function githubSteps(): GitHubStep[] {
  return parse(block('GitHub Actions', 'yaml')) as GitHubStep[];
}

/** `${{ secrets.X }}`, `${{ vars.X }}`, `${{ github.sha }}`, `${{ steps.ID.outputs.K }}` → values. */
export function githubExpressions(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for \${{ ${name} }} in the test`);
    return v;
  });
}

export function jenkinsScript(): string {
  const m = /sh\(returnStatus: true, script: '''\n([\s\S]*?)'''\)/.exec(block('Jenkins (declarative)', 'groovy'));
  if (!m?.[1]) throw new Error("docs/ci.md's Jenkins block has no sh(returnStatus: true, script: ''' … ''')");
  return m[1].replace(/\\\\/g, '\\');
}

export function gitlabJobs(): Record<string, { script: string[]; artifacts?: { reports?: { dotenv?: string } } }> {
  return parse(block('GitLab CI', 'yaml')) as ReturnType<typeof gitlabJobs>;
}
