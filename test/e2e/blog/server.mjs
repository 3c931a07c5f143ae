/**
 * The demo blog's server for the embed tests: a second origin (another port on 127.0.0.1) serving
 * test/e2e/blog/*.html with `{{NOZAMA}}` replaced by the game's origin, as a blog would paste it.
 * `node test/e2e/blog/server.mjs <port> <nozama origin>`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [port, nozama] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
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
    .replaceAll('{{BLOG}}', `http://127.0.0.1:${port}`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}).listen(Number(port), '127.0.0.1');
