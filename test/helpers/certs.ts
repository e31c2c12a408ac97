// A private CA and server certificates made at test time with the openssl CLI, in a temp folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCa {
  /** The CA certificate (PEM): what a user would paste into Settings → Network. */
  caPem: string;
  /** A leaf certificate signed by this CA for the given names (127.0.0.1, ::1 and localhost by default). */
  issue(o?: { cn?: string; names?: string[]; expired?: boolean }): KeyPair;
  /** A certificate signed by itself, no CA involved. */
  selfSigned(o?: { cn?: string; names?: string[] }): KeyPair;
  cleanup(): void;
}

const DEFAULT_NAMES = ['127.0.0.1', '::1', 'localhost'];

function san(names: string[]): string {
  return names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
}

/** YYMMDDHHMMSSZ, as `openssl ca -startdate/-enddate` wants it. */
function asn1Date(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
}

export function makeTestCa(name = 'Trigger Desk Test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'td-certs-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = (file: string) =>
    run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file]);

  newKey('ca.key');
  run([
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    `/CN=${name}/O=Trigger Desk tests`,
    '-days',
    '3',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    'ca.pem',
  ]);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = local',
      '[local]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      '[any]',
      'commonName = supplied',
      'organizationName = optional',
      '',
    ].join('\n'),
  );

  let n = 0;
  return {
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    issue(o = {}) {
      const id = `leaf${++n}`;
      const names = o.names ?? DEFAULT_NAMES;
      newKey(`${id}.key`);
      run(['req', '-new', '-key', `${id}.key`, '-subj', `/CN=${o.cn ?? names[0] ?? 'test'}`, '-out', `${id}.csr`]);
      writeFileSync(
        join(dir, `${id}.ext`),
        `[leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${san(names)}\n`,
      );
      const now = Date.now();
      const [from, to] = o.expired ? [now - 3 * 86_400_000, now - 86_400_000] : [now - 3_600_000, now + 2 * 86_400_000];
      run([
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'ca.pem',
        '-keyfile',
        'ca.key',
        '-in',
        `${id}.csr`,
        '-out',
        `${id}.pem`,
        '-notext',
        '-startdate',
        asn1Date(new Date(from)),
        '-enddate',
        asn1Date(new Date(to)),
        '-extfile',
        `${id}.ext`,
        '-extensions',
        'leaf',
      ]);
      return { key: readFileSync(join(dir, `${id}.key`), 'utf8'), cert: readFileSync(join(dir, `${id}.pem`), 'utf8') };
    },
    selfSigned(o = {}) {
      const id = `self${++n}`;
      const names = o.names ?? DEFAULT_NAMES;
      newKey(`${id}.key`);
      run([
        'req',
        '-x509',
        '-new',
        '-key',
        `${id}.key`,
        '-subj',
        `/CN=${o.cn ?? names[0] ?? 'test'}`,
        '-days',
        '2',
        '-addext',
        `subjectAltName=${san(names)}`,
        '-addext',
        'basicConstraints=critical,CA:FALSE',
        '-out',
        `${id}.pem`,
      ]);
      return { key: readFileSync(join(dir, `${id}.key`), 'utf8'), cert: readFileSync(join(dir, `${id}.pem`), 'utf8') };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
