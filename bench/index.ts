/**
 * `npm run bench`: size, speed and scale, side by side. Prints figures; exits non-zero only when
 * a page-weight budget breaks or a bench sign-in fails, never on timing.
 */

import { arch, cpus, totalmem } from 'node:os';
import { measureClientSignIn } from './client-signin.ts';
import { measureLargePool, measureSignUps } from './emulator-data.ts';
import { keepJsbn, libraryBuild } from './library-builds.ts';
import { measureLibraryMath } from './library-math.ts';
import { measurePageSpeed } from './page-speed.ts';
import { checkBudgets, kb, mapLibraryGzip, measurePageWeights } from './page-weight.ts';
import { measureThroughput, SECONDS_PER_RUN } from './throughput.ts';

const only = new Set(process.argv.slice(2));
const wants = (section: string) => only.size === 0 || only.has(section);
const ms = (value: number) => value.toFixed(1);

/** The figures side by side, printed as one table at the end. */
const summary: { figure: string; value: string; target: string }[] = [];

console.log(
  `Wild Rydes bench — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} (${arch()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

if (wants('weight')) {
  const weights = await measurePageWeights();
  console.log(
    '\n1. Page weight (first visit: the page module and its static imports, CSS, and the message table of the language)',
  );
  console.table(
    weights.map((w) => ({
      page: `${w.page}.html (${w.language})`,
      'JS raw': kb(w.js.raw),
      'JS gzip': kb(w.js.gzip),
      'JS brotli': kb(w.js.brotli),
      'CSS raw': kb(w.css.raw),
      'CSS gzip': kb(w.css.gzip),
      'CSS brotli': kb(w.css.brotli),
    })),
  );
  const failures = checkBudgets(weights);
  console.log(
    `Budgets (gzip JS): register/verify/signin ≤ 30 KB, index ≤ 5 KB, ride ≤ 30 KB + map library (${kb(mapLibraryGzip())})`,
  );
  for (const failure of failures) console.log(`  OVER BUDGET  ${failure}`);
  const heaviest = (page: string) =>
    Math.max(...weights.filter((w) => w.page === page).map((w) => w.js.gzip));
  summary.push(
    { figure: 'index.html JS (gzip, first visit)', value: kb(heaviest('index')), target: '≤ 5 KB' },
    {
      figure: 'signin.html JS (gzip, first visit)',
      value: kb(heaviest('signin')),
      target: '≤ 30 KB',
    },
    {
      figure: 'ride.html JS (gzip, first visit)',
      value: kb(heaviest('ride')),
      target: `≤ ${kb(30 * 1024 + mapLibraryGzip())}`,
    },
  );
  if (failures.length > 0) process.exitCode = 1;
  else console.log('  all within budget');
}

if (wants('throughput')) {
  const rows = await measureThroughput();
  console.log(
    `\n2. Emulator SRP sign-ins through the standalone server (${SECONDS_PER_RUN} s per run; target ≥ 120/s)`,
  );
  console.table(
    rows.map((r) => ({
      concurrency: r.concurrency,
      'sign-ins': r.signIns,
      failures: r.failures,
      'sign-ins/s': r.perSecond.toFixed(1),
      'p50 ms': ms(r.p50),
      'p99 ms': ms(r.p99),
      'server CPU ms/sign-in': r.serverCpuMs.toFixed(2),
    })),
  );
  if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
  for (const row of rows) {
    summary.push({
      figure: `SRP sign-ins/s, concurrency ${row.concurrency}`,
      value: row.perSecond.toFixed(1),
      target: row.concurrency === 8 ? '≥ 120' : '',
    });
  }
  const signUps = await measureSignUps(SECONDS_PER_RUN);
  const large = await measureLargePool(10_000);
  console.table([
    { figure: 'sign-ups/s (concurrency 8, data folder on)', value: signUps.perSecond.toFixed(1) },
    { figure: `data folder with ${large.users} users (journal)`, value: kb(large.bytes) },
    { figure: '… after compaction into state.json', value: kb(large.compactedBytes) },
    { figure: 'open + replay + compact, in process', value: `${ms(large.openMs)} ms` },
    { figure: 'process start to listening (incl. tsx)', value: `${ms(large.processStartMs)} ms` },
  ]);
  summary.push(
    { figure: 'sign-ups/s, data folder on', value: signUps.perSecond.toFixed(1), target: '' },
    { figure: 'start-up with 10,000 users', value: `${ms(large.openMs)} ms`, target: '' },
  );
}

if (wants('client')) {
  const math = measureLibraryMath(15);
  console.log(
    "\n3. The library's SRP math for one sign-in (g^a, g^x, S; Node, median of 15 random inputs; target ≥ 4× faster)",
  );
  console.table([
    { BigInteger: "jsbn (the library's own)", ms: ms(math.jsbnMs) },
    { BigInteger: 'native BigInt shim (shipped)', ms: ms(math.nativeMs) },
    { BigInteger: 'ratio', ms: `${math.ratio.toFixed(1)}×` },
  ]);
  const [withShim, withJsbn] = await Promise.all([libraryBuild('shim'), libraryBuild('jsbn')]);
  const shim = await measureClientSignIn(withShim, 7);
  const jsbn = await measureClientSignIn(withJsbn, 7);
  console.log(
    '\n   One sign-in with the real amazon-cognito-identity-js (Node, median of 7 after a cold one)',
  );
  console.table(
    [
      ['whole sign-in', 'totalMs'],
      ['server (emulator, 2 requests)', 'serverMs'],
      ['client (library SRP math + requests)', 'clientMs'],
      ['first sign-in (cold)', 'coldMs'],
    ].map(([part = '', key = '']) => ({
      part,
      'jsbn ms': ms(jsbn[key as 'totalMs']),
      'shim ms': ms(shim[key as 'totalMs']),
    })),
  );
  summary.push(
    {
      figure: 'library SRP math, jsbn → shim',
      value: `${math.ratio.toFixed(1)}× faster`,
      target: '≥ 4×',
    },
    {
      figure: 'library sign-in (Node), jsbn → shim',
      value: `${ms(jsbn.totalMs)} → ${ms(shim.totalMs)} ms`,
      target: '',
    },
  );
  if (shim.failures.length + jsbn.failures.length > 0) process.exitCode = 1;
}

if (wants('speed')) {
  const speed = await measurePageSpeed(7);
  const jsbn = await measurePageSpeed(7, [keepJsbn()]);
  console.log(
    `\n4. Page speed in Chromium, production build on vite preview + the standalone emulator (median of ${speed.runs}; times read in the pages)`,
  );
  console.table(
    [
      ['signin.html first contentful paint', 'firstPaintMs'],
      ['submit "Sign in" → ride.html greets the rider, fresh context', 'coldMs'],
      ['the same, signing in again (warm caches)', 'warmMs'],
      ['  of which: submit → ride.html starts (SRP, 2 requests)', 'warmSignInMs'],
      ['  of which: ride.html starts → greeting', 'warmRidePageMs'],
    ].map(([figure = '', key = '']) => ({
      figure,
      'jsbn build ms': ms(jsbn[key as 'coldMs']),
      'shipped build ms': ms(speed[key as 'coldMs']),
    })),
  );
  summary.push(
    {
      figure: 'signin.html first contentful paint',
      value: `${ms(speed.firstPaintMs)} ms`,
      target: '',
    },
    {
      figure: 'Sign in → ride.html greeting (warm), jsbn → shim',
      value: `${ms(jsbn.warmMs)} → ${ms(speed.warmMs)} ms`,
      target: '≤ 500 ms',
    },
  );
}

if (wants('soak')) {
  const runs = 2000;
  const soak = await measureClientSignIn(await libraryBuild('shim'), runs);
  console.log(
    `\n5. ${soak.signIns} sign-ins in a row, the library with the shim against the emulator`,
  );
  console.table([
    { figure: 'failed sign-ins', value: soak.failures.length },
    { figure: 'median sign-in', value: `${ms(soak.totalMs)} ms` },
  ]);
  for (const failure of new Set(soak.failures)) console.log(`  FAILED  ${failure}`);
  summary.push({
    figure: `failed sign-ins of ${soak.signIns}`,
    value: String(soak.failures.length),
    target: '0',
  });
  if (soak.failures.length > 0) process.exitCode = 1;
}

console.log('\nSummary');
console.table(summary);
