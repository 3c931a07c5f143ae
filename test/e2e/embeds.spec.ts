/**
 * Embeds on a blog served from a second origin (test/e2e/blog): two `<nozama-demo>` elements and one
 * iframe between paragraphs. Every embed boots with no console error and no request outside the two
 * origins; pausing one leaves the others running; the one below the fold loads nothing until scrolled
 * to; the host page's hostile CSS does not change the demo's layout; the iframe's message API answers
 * its allowed origin and ignores any other; axe finds no serious violation. Screenshots at 1280 and
 * 390 px wide, and of the gallery.
 */
import { expect, type Page, test } from '@playwright/test';
import { blogPort } from '../../playwright.config.ts';
import { axeSerious, SCREENSHOTS, watchPage } from './helpers.ts';

const BLOG = `http://127.0.0.1:${blogPort}`;

interface DemoState {
  loaded: boolean;
  paused: boolean;
  elapsed: number;
}

type DemoElement = HTMLElement & DemoState & { pause(): void; play(): void };

/** Console errors and requests leaving the two origins (the blog's and the game's). */
function watchBoth(page: Page, baseURL: string): () => string[] {
  const problems = watchPage(page, baseURL);
  return () => problems.filter((p) => !p.startsWith(`third-party request: ${BLOG}/`));
}

async function demo(page: Page, id: string): Promise<DemoState> {
  return page.evaluate((i) => {
    const el = document.getElementById(i) as DemoElement | null;
    if (!el) throw new Error(`no #${i}`);
    return { loaded: el.loaded, paused: el.paused, elapsed: el.elapsed };
  }, id);
}

async function waitDemo(page: Page, id: string, predicate: string): Promise<void> {
  await page.waitForFunction(
    ([i, p]) => {
      const el = document.getElementById(i as string) as DemoElement | null;
      return el ? new Function('d', `return ${p}`)(el) === true : false;
    },
    [id, predicate],
  );
}

const frameDemo = (page: Page) => page.frameLocator('#framed').locator('nozama-demo');

async function frameState(page: Page): Promise<DemoState> {
  return frameDemo(page).evaluate((el) => {
    const d = el as DemoElement;
    return { loaded: d.loaded, paused: d.paused, elapsed: d.elapsed };
  });
}

test('every embed boots clean; pausing one leaves the others running; the third waits for the scroll', async ({
  page,
  baseURL,
}) => {
  const problems = watchBoth(page, baseURL as string);
  await page.goto(`${BLOG}/post.html`);
  await waitDemo(page, 'first', 'd.loaded && d.elapsed > 2');
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await frameState(page)).elapsed > 2, { timeout: 30_000 }).toBe(true);
  // The third is far below the fold: nothing of the game was built for it.
  expect((await demo(page, 'third')).loaded).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/embeds-blog-1280.png` });

  // Pause the first: it stops; the iframe's demo keeps running.
  await page.evaluate(() => (document.getElementById('first') as DemoElement).pause());
  const paused = await demo(page, 'first');
  expect(paused.paused).toBe(true);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  const before = (await frameState(page)).elapsed;
  await expect
    .poll(async () => (await frameState(page)).elapsed >= before + 3, { timeout: 30_000 })
    .toBe(true);
  expect((await demo(page, 'first')).elapsed).toBe(paused.elapsed);

  // Scrolled to, the third loads and runs.
  await page.locator('#third').scrollIntoViewIfNeeded();
  await waitDemo(page, 'third', 'd.loaded && d.elapsed > 1');
  expect(problems()).toEqual([]);
});

test('a page with three embeds below the fold loads no Phaser until scrolled to', async ({
  page,
  baseURL,
}) => {
  const problems = watchBoth(page, baseURL as string);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${BLOG}/below.html`);
  await page.waitForFunction(() => customElements.get('nozama-demo') !== undefined);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('nozama-demo')].every((d) => d.shadowRoot?.querySelector('.poster')),
  );
  expect(requested.filter((u) => /phaser|player/.test(u))).toEqual([]);
  expect(await page.evaluate(() => 'Phaser' in window)).toBe(false);
  await page.locator('#one').scrollIntoViewIfNeeded();
  await waitDemo(page, 'one', 'd.loaded && d.elapsed > 0');
  // One Phaser build (the Canvas-only one here, where WebGL is software), whatever small chunks go with it.
  expect(requested.filter((u) => /\/assets\/phaser-(canvas-)?[\w-]{8}\.js$/.test(u))).toHaveLength(1);
  expect(problems()).toEqual([]);
});

test('hostile host CSS does not change the demo layout', async ({ page }) => {
  await page.goto(`${BLOG}/below.html`);
  await page.waitForFunction(() => document.querySelector('#one')?.shadowRoot?.querySelector('.play'));
  const measure = () =>
    page.evaluate(() => {
      const root = document.getElementById('one')?.shadowRoot;
      const box = (sel: string) => {
        const r = root?.querySelector(sel)?.getBoundingClientRect();
        return r ? [Math.round(r.width), Math.round(r.height)] : null;
      };
      const play = root?.querySelector('.play');
      return {
        frame: box('.frame'),
        play: box('.play'),
        title: box('.title'),
        font: play ? getComputedStyle(play).fontSize : null,
      };
    });
  const plain = await measure();
  await page.addStyleTag({
    content: `* { font: 40px/3 cursive !important; color: red !important; letter-spacing: 4px !important; }
      button, p, div, svg { display: none !important; padding: 50px !important; }
      .frame, .poster, .play, .title { border: 20px solid red !important; margin: 30px !important; }
      nozama-demo { text-transform: uppercase !important; }`,
  });
  expect(await measure()).toEqual(plain);
  expect(plain.play?.[0]).toBeGreaterThan(50);
});

test('the iframe answers commands from its allowed origin', async ({ page }) => {
  await page.goto(`${BLOG}/post.html`);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await frameState(page)).elapsed > 1, { timeout: 30_000 }).toBe(true);
  const reply = await page.evaluate(
    (target) =>
      new Promise<Record<string, unknown>>((resolve) => {
        window.addEventListener('message', (e) => {
          if (e.data?.nozama === 1 && e.data.event === 'state') resolve(e.data);
        });
        const frame = document.getElementById('framed') as HTMLIFrameElement;
        frame.contentWindow?.postMessage({ nozama: 1, command: 'pause' }, target);
      }),
    await frameOrigin(page),
  );
  expect(reply).toMatchObject({ event: 'state', command: 'pause', paused: true });
  expect((await frameState(page)).paused).toBe(true);
});

async function frameOrigin(page: Page): Promise<string> {
  const src = await page.locator('#framed').getAttribute('src');
  return new URL(src ?? '').origin;
}

test('the iframe ignores commands from an origin it does not allow', async ({ page }) => {
  // The same blog under another name is another origin, not in the iframe's allow list.
  await page.goto(`http://localhost:${blogPort}/post.html`);
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await frameState(page)).elapsed > 1, { timeout: 30_000 }).toBe(true);
  const target = await frameOrigin(page);
  await page.evaluate((t) => {
    const w = window as unknown as { replies: unknown[] };
    w.replies = [];
    window.addEventListener('message', (e) => w.replies.push(e.data));
    (document.getElementById('framed') as HTMLIFrameElement).contentWindow?.postMessage(
      { nozama: 1, command: 'pause' },
      t,
    );
  }, target);
  // The demo keeps running well after the message arrived, and nothing answered.
  const at = (await frameState(page)).elapsed;
  await expect.poll(async () => (await frameState(page)).elapsed >= at + 3, { timeout: 30_000 }).toBe(true);
  expect((await frameState(page)).paused).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { replies: unknown[] }).replies)).toEqual([]);
});

test('the blog page has no serious accessibility violation; it reads at 390 px wide', async ({ page }) => {
  await page.goto(`${BLOG}/post.html`);
  await waitDemo(page, 'first', 'd.loaded && d.elapsed > 1');
  expect(await axeSerious(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.getElementById('first')?.scrollIntoView());
  await waitDemo(page, 'first', 'd.elapsed > 3');
  await page.screenshot({ path: `${SCREENSHOTS}/embeds-blog-390.png` });
});

test('the gallery shows every demo with its caption, a preview and its embed code', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await page.goto('/gallery.html');
  const cards = page.locator('.card');
  await expect(cards).toHaveCount(11);
  await expect(cards.first().locator('pre')).toContainText('embed.js');
  await page.screenshot({ path: `${SCREENSHOTS}/gallery-1280.png` });
  // A preview plays on request.
  await cards
    .first()
    .locator('nozama-demo')
    .evaluate((el) => (el as DemoElement).play());
  await page.waitForFunction(() => (document.querySelector('nozama-demo') as DemoElement).elapsed > 2);
  await page.screenshot({ path: `${SCREENSHOTS}/gallery-playing-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/gallery-390.png` });
  expect(await axeSerious(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('with reduced motion an autoplay demo waits for Play; the keyboard reaches and starts it', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${BLOG}/post.html`);
  // In view with autoplay: it loads, but nothing moves.
  await waitDemo(page, 'first', 'd.loaded');
  const start = await demo(page, 'first');
  expect(start.paused).toBe(true);
  // Tab from the top of the page: the demo's canvas (the world), then its Play button; Space plays.
  const focused = async () =>
    page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return `${host?.id} ${inner?.tagName} ${inner?.textContent ?? ''}`;
    });
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('first CANVAS ');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('first BUTTON Play');
  // The scene has drawn meanwhile, and the world has not moved.
  expect(await demo(page, 'first')).toEqual(start);
  await page.keyboard.press('Space');
  await waitDemo(page, 'first', `!d.paused && d.elapsed > ${start.elapsed + 1}`);
});

test('an embed never takes the reader’s keyboard focus, even after the reader has pressed a key', async ({
  page,
}) => {
  // The iframe below the fold starts its game only when scrolled to, after the reader's key press
  // has given the page a user activation (which would let the frame's window.focus() succeed).
  await page.setViewportSize({ width: 1280, height: 200 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${BLOG}/post.html`);
  await page.keyboard.press('a');
  await page.locator('#framed').scrollIntoViewIfNeeded();
  await expect
    .poll(
      () =>
        frameDemo(page).evaluate(
          (el) =>
            (el as unknown as { player?: { game: { isRunning: boolean } } }).player?.game.isRunning === true,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
});

test('a demo tells its page when the horn sounds a rollback and when its goals are reached', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL as string);
  await page.goto('/gallery.html');
  const el = page.locator('nozama-demo[demo="linear-rollback"]');
  // The page listens as a blog's script would: the events bubble out of the shadow root.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    for (const name of ['ready', 'goal', 'rollback', 'error'])
      document.addEventListener(`nozama:${name}`, (e) => {
        const detail = (e as CustomEvent<{ level?: string; type?: string }>).detail;
        seen.push([name, detail.level ?? detail.type ?? ''].join(' ').trim());
      });
  });
  await el.evaluate((d) => (d as DemoElement).play());
  await expect.poll(() => el.evaluate((d) => (d as DemoElement).loaded)).toBe(true);
  await el.evaluate((d) => (d as DemoElement).pause());
  const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  // Simulated minutes pass a step at a time until the watchtower has rolled the shift back and the level's
  // goals (which ask for that rollback) are met.
  for (let i = 0; i < 40; i++) {
    const now = await seen();
    if (now.some((s) => s.startsWith('goal')) && now.some((s) => s.startsWith('rollback'))) break;
    await el.evaluate((d) => (d as DemoElement & { step(s: number): void }).step(60));
  }
  const events = await seen();
  expect(events).toContain('goal the-watchtower');
  expect(events.filter((s) => s.startsWith('rollback')).length).toBeGreaterThan(0);
  expect(events.some((s) => s.startsWith('error'))).toBe(false);
  expect(problems).toEqual([]);
});
