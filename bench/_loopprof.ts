import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { advance } from '../src/model/index.ts';
import { buildWorld, runTask, settle } from './api-scale-world.ts';
const n = Number(process.argv[2] ?? 5000);
const mode = process.argv[3] ?? 'settled';
let s = buildWorld(n, 10);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
let profile;
if (mode === 'settled') {
  for (let i = 0; i < n / 10; i++) s = runTask(s, 10);
  for (let i = 0; i < 60; i++) s = advance(s, 1).state;
  s = settle(s, n + 10);
  for (let k = 0; k < 50; k++) runTask(s, 10);
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  for (let k = 0; k < 500; k++) runTask(s, 10);
  const c = process.cpuUsage(c0);
  profile = (await session.post('Profiler.stop')).profile;
  console.log('settled runtask ms/call', (c.user + c.system) / 1000 / 500);
} else {
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  for (let i = 0; i < n / 10; i++) s = runTask(s, 10);
  const c1 = process.cpuUsage(c0);
  for (let i = 0; i < 60; i++) s = advance(s, 1).state;
  const c2 = process.cpuUsage(c0);
  profile = (await session.post('Profiler.stop')).profile;
  console.log(
    'burst ms/call',
    (c1.user + c1.system) / 1000 / (n / 10),
    '60s ms',
    (c2.user + c2.system - c1.user - c1.system) / 1000,
  );
}
import { mkdirSync } from 'node:fs';
mkdirSync('/tmp/perf/lp', { recursive: true });
writeFileSync(`/tmp/perf/lp/${mode}.cpuprofile`, JSON.stringify(profile));
