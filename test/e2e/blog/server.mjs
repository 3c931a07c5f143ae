/**
 * The demo blog's server for the embed tests: a second origin (another port on 127.0.0.1) serving
 * test/e2e/blog/*.html with `{{NOZAMA}}` replaced by the game's origin, as a blog would paste it,
 * `{{BLOG}}` by its own origin, and `<!-- paragraphs N -->` by N paragraphs of a post's text.
 * `node test/e2e/blog/server.mjs <port> <nozama origin>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port, nozama] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const TEXT = [
  'Amazon ECS keeps a number of tasks running for a service. When one stops, the service scheduler starts another, and it places each new task with a placement strategy: spread across Availability Zones, binpack on memory, or random.',
  'A deployment replaces the tasks of one task definition revision with another. Rolling updates do it a few tasks at a time; blue/green, canary and linear deployments move traffic between two target groups behind a load balancer listener.',
  'The demos below are live: each one is a deterministic simulation of the real APIs, running in your browser. Nothing is sent anywhere.',
];
const paragraphs = (n) =>
  Array.from({ length: n }, (_, i) => `<p>${TEXT[i % TEXT.length]}</p>`).join('\n      ');
const pages = { '/': 'post.html', '/post.html': 'post.html', '/below.html': 'below.html' };

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://blog').pathname;
  const file = pages[path];
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (!file) {
    res.writeHead(404).end('not found');
    return;
  }
  const html = readFileSync(join(here, file), 'utf8')
    .replaceAll('{{NOZAMA}}', nozama)
    .replaceAll('{{BLOG}}', `http://127.0.0.1:${port}`)
    .replace(/<!-- paragraphs (\d+) -->/g, (_, n) => paragraphs(Number(n)));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}).listen(Number(port), '127.0.0.1');
