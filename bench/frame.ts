/**
 * Frame-time benchmark (the last part of npm run bench): the real game in headless Chromium.
 *
 * Builds the app (`vite build --mode test` into a temporary folder), serves it with `vite preview` on
 * a free port, opens it in Debian's Chromium ($CHROMIUM_PATH or /usr/bin/chromium) with the Canvas
 * renderer (`?renderer=canvas&testBridge=1&place=kingdom`), and measures frames at speed 16:
 *
 * - the reference: the same page with an empty world (the kingdom's portals only);
 * - the big kingdom: 100 territories and 1,000 developments built with real calls through the store
 *   (bench/frame-world.ts), every development RUNNING, the camera fitted to show all of it.
 *
 * Per frame it records the time between requestAnimationFrame callbacks and the time spent in the
 * simulation and the store (store.getState().advance, wrapped through the test bridge, which is what
 * the game calls to move time). It reports the median and the 95th percentile frame time, the share
 * of frame time spent in sim+store, the goal (60 fps: 95% of frames under 20 ms) as PASS or FAIL, and
 * the ratio of the big kingdom's frame times to the reference's, measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildBigWorld } from './frame-world.ts';

export const FRAMES = 600;
const WARMUP_FRAMES = 60;
const GOAL_MS = 20;
const GOAL_SHARE = 0.95;
const VIEWPORT = { width: 1280, height: 800 };
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

export interface FrameSample {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Share of frames shorter than GOAL_MS. */
  under20Ms: number;
  /** Share of the total frame time spent in the simulation and the store. */
  simStoreShare: number;
  simStoreMsPerFrame: number;
  /** Simulated seconds that passed while measuring (speed 16: about 16 per real second). */
  simulatedSeconds: number;
  /**
   * The game's own work per frame (Phaser's step: scenes' update and rendering, from its 'prestep' to
   * its 'postrender' event): unlike the frame time it is not rounded up to the display's refresh.
   */
  stepMedianMs: number;
  stepP95Ms: number;
}

export interface FrameFigures {
  renderer: 'canvas';
  speed: 16;
  canvas: { width: number; height: number };
  world: { territories: number; developments: number; running: number; buildMs: number };
  reference: FrameSample & { world: string };
  kingdom: FrameSample & { view: string; zoom: number };
  ratioMedianToReference: number;
  ratioP95ToReference: number;
  /** The same ratio on the game's work per frame (Phaser's step), which vsync does not round. */
  ratioStepMedianToReference: number;
  goal: { description: string; pass: boolean };
  seconds: number;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Runs in the page: wraps the store's advance, then records `count` frames after a warm-up. */
function measureInPage(args: {
  count: number;
  warmup: number;
}): Promise<{ deltas: number[]; sim: number[]; steps: number[]; simulated: number }> {
  const bridge = (window as unknown as { __nozama?: { store: any; game: any } }).__nozama;
  if (!bridge) throw new Error('no test bridge');
  const store = bridge.store;
  const game = bridge.game;
  let stepStart = 0;
  let stepMs = 0;
  const onPre = () => {
    stepStart = performance.now();
  };
  const onPost = () => {
    stepMs += performance.now() - stepStart;
  };
  game.events.on('prestep', onPre);
  game.events.on('postrender', onPost);
  const original = store.getState().advance as (seconds: number) => void;
  let simMs = 0;
  store.setState({
    advance: (seconds: number) => {
      const t0 = performance.now();
      original(seconds);
      simMs += performance.now() - t0;
    },
  });
  store.getState().setSpeed(16);
  store.getState().setPaused(false);
  return new Promise((resolve) => {
    const deltas: number[] = [];
    const sim: number[] = [];
    const steps: number[] = [];
    let last = -1;
    let seen = 0;
    let startNow = 0;
    const tick = (t: number) => {
      if (last >= 0) {
        seen++;
        if (seen === args.warmup) startNow = store.getState().sim.now;
        if (seen > args.warmup) {
          deltas.push(t - last);
          sim.push(simMs);
          steps.push(stepMs);
        }
      }
      simMs = 0;
      stepMs = 0;
      last = t;
      if (deltas.length < args.count) requestAnimationFrame(tick);
      else {
        store.getState().setPaused(true);
        store.setState({ advance: original });
        game.events.off('prestep', onPre);
        game.events.off('postrender', onPost);
        resolve({ deltas, sim, steps, simulated: store.getState().sim.now - startNow });
      }
    };
    requestAnimationFrame(tick);
  });
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function summarise(r: { deltas: number[]; sim: number[]; steps: number[]; simulated: number }): FrameSample {
  const sorted = [...r.deltas].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (q: number) => quantile(r.deltas, q);
  const total = r.deltas.reduce((a, b) => a + b, 0);
  const simTotal = r.sim.reduce((a, b) => a + b, 0);
  return {
    frames: n,
    medianMs: round(at(0.5), 2),
    p95Ms: round(at(0.95), 2),
    maxMs: round(sorted[n - 1] as number, 2),
    under20Ms: round(r.deltas.filter((d) => d < GOAL_MS).length / n, 4),
    simStoreShare: round(simTotal / total, 4),
    simStoreMsPerFrame: round(simTotal / n, 3),
    simulatedSeconds: r.simulated,
    stepMedianMs: round(quantile(r.steps, 0.5), 3),
    stepP95Ms: round(quantile(r.steps, 0.95), 3),
  };
}

async function openKingdom(page: Page, base: string): Promise<void> {
  // tsx (esbuild, keepNames) wraps named functions in __name(...); the functions this file hands to
  // page.evaluate carry that call into the page, so the page gets the same tiny helper.
  await page.addInitScript('globalThis.__name = (target) => target;');
  await page.goto(`${base}/?renderer=canvas&testBridge=1&place=kingdom&seed=1`);
  await page.waitForFunction(() => {
    const w = window as unknown as { __nozama?: { game: any } };
    const scene = w.__nozama?.game.scene.getScene('kingdom');
    return scene?.sys.isActive() === true && scene.isSettled() === true;
  });
  const type = await page.evaluate(() => {
    const w = window as unknown as { __nozama: { game: any; phaser: { CANVAS: number } } };
    return w.__nozama.game.renderer.type === w.__nozama.phaser.CANVAS;
  });
  if (!type) throw new Error('Phaser did not pick the Canvas renderer');
  await page.evaluate(() =>
    (window as unknown as { __nozama: { store: any } }).__nozama.store.getState().setPaused(true),
  );
}

export async function frameBench(root = process.cwd()): Promise<FrameFigures> {
  const started = performance.now();
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const outDir = mkdtempSync(join(tmpdir(), 'nozama-frame-'));
  let server: ReturnType<typeof spawn> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    const build = spawnSync(
      process.execPath,
      [vite, 'build', '--mode', 'test', '--outDir', outDir, '--emptyOutDir'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    const port = await freePort();
    server = spawn(
      process.execPath,
      [vite, 'preview', '--outDir', outDir, '--strictPort', '--host', '127.0.0.1', '--port', String(port)],
      { cwd: root, stdio: 'ignore' },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, 20_000);
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });

    // The reference: an empty world, same page, same speed.
    const empty = await browser.newPage({ viewport: VIEWPORT });
    await openKingdom(empty, base);
    const reference = summarise(
      await empty.evaluate(measureInPage, { count: FRAMES, warmup: WARMUP_FRAMES }),
    );
    await empty.close();

    // The big kingdom, fitted in view.
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await openKingdom(page, base);
    const t0 = performance.now();
    const world = await page.evaluate(buildBigWorld);
    const buildMs = performance.now() - t0;
    if (world.running !== 1000 || world.territories !== 100)
      throw new Error(`the big kingdom did not settle: ${JSON.stringify(world)}`);
    await page.evaluate(() => {
      const w = window as unknown as { __nozama: { game: any } };
      w.__nozama.game.scene.getScene('kingdom').fitWorld();
    });
    await page.waitForFunction(() => {
      const w = window as unknown as { __nozama: { game: any } };
      return w.__nozama.game.scene.getScene('kingdom').isSettled() === true;
    });
    const view = await page.evaluate(() => {
      const w = window as unknown as { __nozama: { game: any } };
      const s = w.__nozama.game.scene.getScene('kingdom').snapshot();
      return {
        zoom: s.camera.zoom as number,
        width: s.camera.width as number,
        height: s.camera.height as number,
      };
    });
    const kingdom = summarise(await page.evaluate(measureInPage, { count: FRAMES, warmup: WARMUP_FRAMES }));
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.slice(0, 3).join(' | ')}`);
    await page.close();

    const pass = kingdom.under20Ms >= GOAL_SHARE;
    return {
      renderer: 'canvas',
      speed: 16,
      canvas: { width: Math.round(view.width), height: Math.round(view.height) },
      world: { ...world, buildMs: round(buildMs, 0) },
      reference: { ...reference, world: 'empty: the three portals, no territories' },
      kingdom: {
        ...kingdom,
        view: 'the whole kingdom in view (fit)',
        zoom: round(view.zoom, 3),
      },
      ratioMedianToReference: round(kingdom.medianMs / reference.medianMs, 2),
      ratioP95ToReference: round(kingdom.p95Ms / reference.p95Ms, 2),
      ratioStepMedianToReference: round(kingdom.stepMedianMs / reference.stepMedianMs, 2),
      goal: { description: '60 fps: 95% of frames under 20 ms', pass },
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    if (server?.pid) {
      try {
        process.kill(server.pid);
      } catch {
        // already gone
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The human-readable lines for the figures. */
export function frameLines(f: FrameFigures): string[] {
  const sample = (label: string, s: FrameSample) =>
    `  ${label.padEnd(10)} median ${s.medianMs} ms  p95 ${s.p95Ms} ms  max ${s.maxMs} ms  under 20 ms ${round(s.under20Ms * 100, 1)}%  sim+store ${round(s.simStoreShare * 100, 2)}% (${s.simStoreMsPerFrame} ms/frame)  step median ${s.stepMedianMs} ms p95 ${s.stepP95Ms} ms  ${s.simulatedSeconds} simulated s`;
  return [
    `Frames: ${FRAMES} frames at speed 16, Canvas renderer, headless Chromium, canvas ${f.canvas.width}x${f.canvas.height}`,
    `  big kingdom: ${f.world.territories} territories, ${f.world.running} developments RUNNING (built through the store in ${f.world.buildMs} ms), whole kingdom in view (zoom ${f.kingdom.zoom})`,
    sample('reference', f.reference),
    sample('kingdom', f.kingdom),
    `  ratio to the reference (empty world, same run): frame time median ${f.ratioMedianToReference} x, p95 ${f.ratioP95ToReference} x; game step median ${f.ratioStepMedianToReference} x`,
    `  ${f.goal.pass ? 'PASS' : 'FAIL'} ${f.goal.description} (${round(f.kingdom.under20Ms * 100, 1)}% under 20 ms)`,
  ];
}
