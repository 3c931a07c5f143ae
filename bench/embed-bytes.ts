/**
 * Embed benchmark (part of npm run bench): what a blog pays for a Nozama demo, in headless Chromium
 * against a production build served by `vite preview`, with the blog pages on a second origin (a
 * small server in this process on another free port).
 *
 * - Bytes before the poster: every response from Nozama's origin until a `<nozama-demo>` (in view,
 *   no autoplay) has painted its poster and play button, gzip-compressed as a static host would send
 *   it (level 9). Goal: at most 30 KB. Reference in the same run: the full game's bytes until its
 *   first Phaser frame, and the ratio between them.
 * - Three demos below the fold (autoplay): requests for Phaser and the player before any scroll (goal:
 *   none), and after scrolling to the first (one Phaser request).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, freePort, waitForServer } from './browser.ts';

const GOAL_POSTER_GZ = 30 * 1024;

export interface EmbedFigures {
  posterBytes: { raw: number; gzip: number; files: string[] };
  gameBytes: { raw: number; gzip: number; files: number };
  ratioPosterToGame: number;
  belowTheFold: { requestsBeforeScroll: string[]; phaserRequestsAfterScroll: number };
  goals: { posterUnder30KbGzip: boolean; noPhaserBeforeScroll: boolean };
  seconds: number;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

function blogPage(nozama: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"></head><body>
<script type="module" src="${nozama}/embed.js"></script>${body}</body></html>`;
}

/** Sizes of the files the page fetched from `origin`, raw and gzip -9, read from the build folder. */
function sizes(urls: string[], origin: string, outDir: string) {
  let raw = 0;
  let gzip = 0;
  const files: string[] = [];
  for (const url of new Set(urls)) {
    if (!url.startsWith(origin)) continue;
    let path = new URL(url).pathname;
    if (path.endsWith('/')) path += 'index.html';
    const file = join(outDir, path);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    files.push(path);
  }
  return { raw, gzip, files };
}

function record(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The blog: each path answers with its page. */
function serveBlog(port: number, pages: Record<string, string>): Server {
  return createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://blog').pathname];
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  }).listen(port, '127.0.0.1');
}

export async function embedBench(root = process.cwd()): Promise<EmbedFigures> {
  const started = performance.now();
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const outDir = mkdtempSync(join(tmpdir(), 'nozama-embed-'));
  let server: ReturnType<typeof spawn> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let blog: Server | null = null;
  try {
    const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [vite, 'preview', '--outDir', outDir, '--strictPort', '--host', '127.0.0.1', '--port', String(port)],
      { cwd: root, stdio: 'ignore' },
    );
    const filler = '<p>Paragraph.</p>'.repeat(120);
    const blogPort = await freePort();
    const BLOG = `http://127.0.0.1:${blogPort}`;
    blog = serveBlog(blogPort, {
      '/poster.html': blogPage(origin, '<p>Text.</p><nozama-demo demo="canary"></nozama-demo>'),
      '/below.html': blogPage(
        origin,
        `${filler}<nozama-demo id="a" demo="canary" autoplay></nozama-demo>${filler}<nozama-demo demo="rolling" autoplay></nozama-demo><nozama-demo demo="spread" autoplay></nozama-demo>`,
      ),
    });
    await waitForServer(`${origin}/embed.js`, 30_000);
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });

    // 1. Bytes before the poster.
    const posterPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const posterUrls = record(posterPage);
    await posterPage.goto(`${BLOG}/poster.html`);
    await posterPage.waitForFunction(() =>
      document.querySelector('nozama-demo')?.shadowRoot?.querySelector('.poster .play'),
    );
    const posterBytes = sizes(posterUrls, origin, outDir);
    await posterPage.close();

    // The reference: the full game until its first frame.
    const gamePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const gameUrls = record(gamePage);
    await gamePage.goto(`${origin}/?testBridge=1&sandbox=1`);
    await gamePage.waitForFunction(() => {
      const w = window as unknown as { __nozama?: { game: { loop: { frame: number } } } };
      return (w.__nozama?.game.loop.frame ?? 0) > 0;
    });
    const gameBytes = sizes(gameUrls, origin, outDir);
    await gamePage.close();

    // 2. Three demos below the fold.
    const belowPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const belowUrls = record(belowPage);
    await belowPage.goto(`${BLOG}/below.html`);
    await belowPage.waitForFunction(() =>
      [...document.querySelectorAll('nozama-demo')].every((d) => d.shadowRoot?.querySelector('.poster')),
    );
    const heavy = (urls: string[]) => urls.filter((u) => /\/assets\/(phaser|player|open-link)-/.test(u));
    const requestsBeforeScroll = heavy(belowUrls).map((u) => new URL(u).pathname);
    await belowPage.locator('#a').scrollIntoViewIfNeeded();
    await belowPage.waitForFunction(
      () => (document.getElementById('a') as unknown as { loaded: boolean }).loaded,
    );
    const phaserRequestsAfterScroll = belowUrls.filter((u) => /\/assets\/phaser-/.test(u)).length;

    return {
      posterBytes,
      gameBytes: { raw: gameBytes.raw, gzip: gameBytes.gzip, files: gameBytes.files.length },
      ratioPosterToGame: round(posterBytes.gzip / gameBytes.gzip, 4),
      belowTheFold: { requestsBeforeScroll, phaserRequestsAfterScroll },
      goals: {
        posterUnder30KbGzip: posterBytes.gzip <= GOAL_POSTER_GZ,
        noPhaserBeforeScroll: requestsBeforeScroll.length === 0 && phaserRequestsAfterScroll === 1,
      },
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    blog?.close();
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

export function embedLines(f: EmbedFigures): string[] {
  const kb = (n: number) => `${round(n / 1024, 1)} KB`;
  return [
    'Embeds: a production build, a blog page on a second origin, headless Chromium',
    `  bytes before the poster: ${kb(f.posterBytes.gzip)} gzip (${kb(f.posterBytes.raw)} raw) in ${f.posterBytes.files.length} files: ${f.posterBytes.files.join(', ')}`,
    `  reference, the full game to its first frame: ${kb(f.gameBytes.gzip)} gzip (${kb(f.gameBytes.raw)} raw) in ${f.gameBytes.files} files; poster / game = ${f.ratioPosterToGame}`,
    `  three demos below the fold: ${f.belowTheFold.requestsBeforeScroll.length} requests for the player or Phaser before scrolling; ${f.belowTheFold.phaserRequestsAfterScroll} Phaser request after scrolling to the first`,
    `  ${f.goals.posterUnder30KbGzip ? 'PASS' : 'FAIL'} bytes before the poster <= 30 KB gzip`,
    `  ${f.goals.noPhaserBeforeScroll ? 'PASS' : 'FAIL'} no Phaser until scrolled to`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  embedBench()
    .then((f) => {
      for (const line of embedLines(f)) console.log(line);
      console.log(JSON.stringify(f));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
