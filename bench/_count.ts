import { buildWorld, runTask } from './api-scale-world.ts';
const n = Number(process.argv[2] ?? 1000);
let s = buildWorld(n, 10);
(globalThis as any).__counts = { build: 0, patch: 0 };
const c0 = process.cpuUsage();
for (let i = 0; i < n / 10; i++) s = runTask(s, 10);
const c = process.cpuUsage(c0);
console.log((globalThis as any).__counts, (c.user + c.system) / 1000 / (n / 10), 'ms/call');
