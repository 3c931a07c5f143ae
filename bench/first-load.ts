/**
 * First paint (part of npm run bench): the game's production build against a Phaser-only page
 * (bench/phaser-only: Phaser's prebuilt bundle, one scene), both built and served here, opened
 * alternately in the same headless Chromium with the renderer the game picks on this machine.
 *
 * - ready: from navigation start to the first animation frame in which Phaser has drawn a scene with
 *   something in it (game.loop.frame >= 2 and an active scene with children), polled every frame by an
 *   init script, the same way on both pages. The game's page is opened as a first visit (`?testBridge=1`
 *   only, so the script can see the game): the campaign map greets, the planet is drawn behind it.
 * - first load: the gzip size (zlib level 9, what a server's gzip sends, give or take) of every script
 *   and style sheet the page fetched before it was ready; scripts fetched after that are counted apart.
 *
 * Reports the median of RUNS loads of each and the two ratios the issue names: first-load bytes and
 * ready time of the game over the Phaser-only page.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launchChromium, round, type Served } from './browser.ts';

const RUNS = 5;
const VIEWPORT = { width: 1280, height: 800 };
export const FIRST_LOAD_GOAL_KB = 400;
export const READY_GOAL_RATIO = 1.2;

export interface LoadSample {
  readyMs: number;
  firstLoadGzBytes: number;
  laterGzBytes: number;
  files: number;
}

export interface PageFigures {
  url: string;
  readyMedianMs: number;
  readyAllMs: number[];
  firstLoadGzKB: number;
  laterGzKB: number;
  files: number;
  renderer: string;
}

export interface FirstLoadFigures {
  runs: number;
  game: PageFigures;
  phaserOnly: PageFigures;
  ratioFirstLoadToPhaserOnly: number;
  ratioReadyToPhaserOnly: number;
  goals: {
    firstLoadAtMost400KB: { pass: boolean; kb: number };
    readyWithin1_2xOfPhaserOnly: { pass: boolean; ratio: number };
  };
}

const READY_PROBE = `(() => {
  const poll = () => {
    const g = window.__nozama?.game ?? window.__game;
    const drawn = g && g.loop && g.loop.frame >= 2 && g.scene.getScenes(true).some((s) => s.children.length > 0);
    if (drawn) window.__readyAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

async function loadOnce(browser: Browser, url: string): Promise<LoadSample & { renderer: string }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page: Page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  const gzByUrl = new Map<string, Promise<number>>();
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    gzByUrl.set(
      r.url(),
      r.body().then((body) => gzipSync(body, { level: 9 }).length),
    );
  });
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __readyAt?: number }).__readyAt !== undefined,
    null,
    {
      timeout: 60_000,
    },
  );
  // The page's own clock: which scripts and sheets had arrived when it was ready.
  const seen = await page.evaluate(() => {
    const w = window as unknown as {
      __readyAt: number;
      __nozama?: { game: { renderer: { type: number } } };
      __game?: { renderer: { type: number } };
    };
    const g = w.__nozama?.game ?? w.__game;
    const files = performance
      .getEntriesByType('resource')
      .map((e) => ({ url: e.name, end: (e as PerformanceResourceTiming).responseEnd }));
    return { readyMs: w.__readyAt, renderer: g?.renderer.type === 1 ? 'canvas' : 'webgl', files };
  });
  let firstLoadGzBytes = 0;
  let laterGzBytes = 0;
  let files = 0;
  for (const f of seen.files) {
    const gz = gzByUrl.get(f.url);
    if (!gz) continue;
    if (f.end <= seen.readyMs) {
      firstLoadGzBytes += await gz;
      files++;
    } else laterGzBytes += await gz;
  }
  await context.close();
  return { readyMs: seen.readyMs, firstLoadGzBytes, laterGzBytes, files, renderer: seen.renderer };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function figures(url: string, samples: (LoadSample & { renderer: string })[]): PageFigures {
  return {
    url,
    readyMedianMs: round(median(samples.map((s) => s.readyMs)), 0),
    readyAllMs: samples.map((s) => round(s.readyMs, 0)),
    firstLoadGzKB: round(median(samples.map((s) => s.firstLoadGzBytes)) / 1024, 1),
    laterGzKB: round(median(samples.map((s) => s.laterGzBytes)) / 1024, 1),
    files: samples[0]?.files ?? 0,
    renderer: samples[0]?.renderer ?? '?',
  };
}

export async function firstLoadBench(root = process.cwd()): Promise<FirstLoadFigures> {
  let game: Served | null = null;
  let reference: Served | null = null;
  let browser: Browser | null = null;
  try {
    game = await buildAndServe(root, []);
    reference = await buildAndServe(root, ['--config', join(root, 'bench/phaser-only/vite.config.ts')]);
    browser = await launchChromium();
    const gameUrl = `${game.base}/?testBridge=1`;
    // The reference draws with the renderer the game picks here (read from the game's first load).
    const first = await loadOnce(browser, gameUrl);
    const referenceUrl = `${reference.base}/?renderer=${first.renderer}`;
    await loadOnce(browser, referenceUrl); // warm-up, like the game's first load
    const g: (LoadSample & { renderer: string })[] = [];
    const r: (LoadSample & { renderer: string })[] = [];
    for (let i = 0; i < RUNS; i++) {
      g.push(await loadOnce(browser, gameUrl));
      r.push(await loadOnce(browser, referenceUrl));
    }
    const gf = figures(gameUrl.replace(game.base, ''), g);
    const rf = figures(`bench/phaser-only/${referenceUrl.replace(reference.base, '').slice(1)}`, r);
    const ratioFirstLoad = round(gf.firstLoadGzKB / rf.firstLoadGzKB, 2);
    const ratioReady = round(gf.readyMedianMs / rf.readyMedianMs, 2);
    return {
      runs: RUNS,
      game: gf,
      phaserOnly: rf,
      ratioFirstLoadToPhaserOnly: ratioFirstLoad,
      ratioReadyToPhaserOnly: ratioReady,
      goals: {
        firstLoadAtMost400KB: { pass: gf.firstLoadGzKB <= FIRST_LOAD_GOAL_KB, kb: gf.firstLoadGzKB },
        readyWithin1_2xOfPhaserOnly: { pass: ratioReady <= READY_GOAL_RATIO, ratio: ratioReady },
      },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    game?.close();
    reference?.close();
  }
}

export function firstLoadLines(f: FirstLoadFigures): string[] {
  const page = (label: string, p: PageFigures) =>
    `  ${label.padEnd(11)} ready median ${p.readyMedianMs} ms (${p.readyAllMs.join(', ')})  first load ${p.firstLoadGzKB} KB gz in ${p.files} files  later ${p.laterGzKB} KB gz  renderer ${p.renderer}  ${p.url}`;
  return [
    `First paint: ${f.runs} loads of each page, alternately, headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}`,
    page('game', f.game),
    page('phaser-only', f.phaserOnly),
    `  ratio to the Phaser-only page (same run): first load ${f.ratioFirstLoadToPhaserOnly} x, ready ${f.ratioReadyToPhaserOnly} x`,
    `  ${f.goals.firstLoadAtMost400KB.pass ? 'PASS' : 'FAIL'} first load <= ${FIRST_LOAD_GOAL_KB} KB gz (${f.game.firstLoadGzKB} KB)`,
    `  ${f.goals.readyWithin1_2xOfPhaserOnly.pass ? 'PASS' : 'FAIL'} ready within ${READY_GOAL_RATIO}x of the Phaser-only page (${f.ratioReadyToPhaserOnly} x)`,
  ];
}
