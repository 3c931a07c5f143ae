/**
 * What the browser benchmarks share: building a page with Vite into a temporary folder, serving it with
 * `vite preview` on a free port, and Debian's Chromium ($CHROMIUM_PATH or /usr/bin/chromium) with the
 * flags of the browser tests (software WebGL through SwiftShader, no background networking).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS } from '../chromium-flags.ts';

/** The browser tests' flags, and performance.memory without its coarse buckets. */
export const CHROMIUM_ARGS = [...TEST_CHROMIUM_ARGS, '--enable-precise-memory-info'];

export const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

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

export interface Served {
  base: string;
  outDir: string;
  close(): void;
}

/**
 * Builds with Vite (`extra` arguments, e.g. `--mode test` or `--config ...`) into a temporary folder and
 * serves it; close() stops the server and removes the folder.
 */
export async function buildAndServe(root: string, extra: string[]): Promise<Served> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const outDir = mkdtempSync(join(tmpdir(), 'nozama-bench-'));
  let server: ChildProcess | null = null;
  const close = () => {
    if (server?.pid) {
      try {
        process.kill(server.pid);
      } catch {
        // already gone
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    const build = spawnSync(
      process.execPath,
      [vite, 'build', ...extra, '--outDir', outDir, '--emptyOutDir'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    const port = await freePort();
    const config = extra.includes('--config')
      ? ['--config', extra[extra.indexOf('--config') + 1] as string]
      : [];
    server = spawn(
      process.execPath,
      [
        vite,
        'preview',
        ...config,
        '--outDir',
        outDir,
        '--strictPort',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, 20_000);
    return { base, outDir, close };
  } catch (e) {
    close();
    throw e;
  }
}

export function launchChromium(): Promise<Browser> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
