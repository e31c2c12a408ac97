// The backend's whole fire path (validate, build, send, parse, record) against the
// sandbox, next to a bare undici request to the same URL and to spawning curl with the imported command.
import { spawn } from 'node:child_process';
import { request } from 'undici';
import { figure, median, type Figure } from './figures';
import { openBenchBackend, plainSandboxTrigger } from './backend';

const ROUNDS = 300;
const CURL_ROUNDS = 100;

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function curlOnce(args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - start) : reject(new Error(`curl exited ${code}`)),
    );
  });
}

export async function run(): Promise<Figure[]> {
  const bench = await openBenchBackend();
  try {
    const trigger = await plainSandboxTrigger(bench);
    const url = trigger.parsed.url;
    const body = trigger.payloads[0]?.body ?? '{}';
    const headers = { 'content-type': trigger.contentType };
    const desk = async () => {
      const t = performance.now();
      const result = await bench.backend.handlers['triggers:fire']({ id: trigger.id, body });
      if (result.outcome !== 'accepted') throw new Error(`bench: fire was ${result.outcome}`);
      return performance.now() - t;
    };
    const bare = async () => {
      const t = performance.now();
      const res = await request(url, { method: 'POST', headers, body });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`bench: bare undici got ${res.statusCode}`);
      return performance.now() - t;
    };
    const curlArgs = [
      '-s',
      '-o',
      '/dev/null',
      '-X',
      'POST',
      '-H',
      `content-type: ${headers['content-type']}`,
      '--url',
      url,
      '-d',
      body,
    ];

    for (let i = 0; i < 30; i++) {
      await desk();
      await bare();
    }
    const deskTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved so that drift on the machine affects both alike; each starts on a settled event
      // loop, so work one of them leaves for the next turn is not timed as the other's.
      deskTimes.push(await desk());
      await settle();
      bareTimes.push(await bare());
      await settle();
    }
    const curlTimes: number[] = [];
    for (let i = 0; i < CURL_ROUNDS; i++) curlTimes.push(await curlOnce(curlArgs));

    const deskMedian = median(deskTimes);
    const bareMedian = median(bareTimes);
    const curlMedian = median(curlTimes);
    return [
      figure('fire: Trigger Desk fire path, median', deskMedian, 'ms'),
      figure('fire: bare undici request, median', bareMedian, 'ms'),
      figure('fire: spawn curl, median', curlMedian, 'ms'),
      figure('fire: Trigger Desk / bare undici', deskMedian / bareMedian, 'x', { max: 1.2 }),
      figure('fire: Trigger Desk / spawn curl', deskMedian / curlMedian, 'x', { max: 1 }),
    ];
  } finally {
    await bench.close();
  }
}
