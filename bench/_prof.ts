import { advance } from '../src/model/index.ts';
import { buildWorld, runTask, settle } from './api-scale-world.ts';
const n = Number(process.argv[2] ?? 5000);
const mode = process.argv[3] ?? 'runtask';
let s = buildWorld(n, 10);
const t0 = performance.now();
if (mode === 'runtask') {
  s = settle(
    (() => {
      let x = s;
      for (let i = 0; i < n / 10; i++) x = runTask(x, 10);
      for (let i = 0; i < 60; i++) x = advance(x, 1).state;
      return x;
    })(),
    n + 10,
  );
  const t1 = performance.now();
  let k = 0;
  const c0 = process.cpuUsage();
  for (; k < 300; k++) runTask(s, 10);
  const c = process.cpuUsage(c0);
  console.log('runtask ms/call cpu', (c.user + c.system) / 1000 / k, 'setup', t1 - t0);
} else {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n / 10; i++) s = runTask(s, 10);
  const c1 = process.cpuUsage(c0);
  for (let i = 0; i < 60; i++) s = advance(s, 1).state;
  const c2 = process.cpuUsage(c0);
  console.log(
    'burst calls ms',
    (c1.user + c1.system) / 1000,
    '60s ms',
    (c2.user + c2.system - c1.user - c1.system) / 1000,
  );
}
