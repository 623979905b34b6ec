/**
 * Emulator throughput: complete SRP sign-ins per second through the standalone server (a child
 * process, so its CPU is its own), at concurrency 1 and 8, with latency percentiles and server
 * CPU per sign-in.
 */

import { readFileSync } from 'node:fs';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../emulator/core/config.ts';
import { startEmulatorProcess } from './emulator-data.ts';
import { cognitoCaller, createConfirmedUser, FastSrpClient } from './srp-client.ts';

const USERS = 50;
const PASSWORD = 'Bench-Passw0rd!';
export const SECONDS_PER_RUN = Number(process.env.BENCH_SECONDS ?? 5);
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(url: string, pid: number, concurrency: number) {
  const client = new FastSrpClient(cognitoCaller(url), DEFAULT_POOL_ID, DEFAULT_CLIENT_ID);
  client.prepare(Math.ceil(SECONDS_PER_RUN * 250));
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS_PER_RUN * 1000;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += concurrency) {
        const t = performance.now();
        try {
          await client.signIn(`rider${i % USERS}@bench.test`, PASSWORD);
          latencies.push(performance.now() - t);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    signIns: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    serverCpuMs: (cpu * 1000) / Math.max(1, latencies.length),
  };
}

export interface ThroughputRow {
  concurrency: number;
  signIns: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
  serverCpuMs: number;
}

/** SRP sign-ins per second through a standalone server child process, at concurrency 1 and 8. */
export async function measureThroughput(nodeArgs: string[] = []): Promise<ThroughputRow[]> {
  const { child, url } = await startEmulatorProcess(['--in-memory', '--port', '0'], nodeArgs);
  try {
    const call = cognitoCaller(url);
    for (let i = 0; i < USERS; i++) {
      const username = `rider${i}@bench.test`;
      await createConfirmedUser(call, username, PASSWORD);
    }
    const pid = child.pid ?? 0;
    await run(url, pid, 4); // warm-up: JIT, key import, connection pool
    return [await run(url, pid, 1), await run(url, pid, 8)];
  } finally {
    child.kill('SIGINT');
  }
}
