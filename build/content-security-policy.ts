/**
 * The page's own Content-Security-Policy: one constant, written as a `<meta http-equiv>` tag at the top
 * of every HTML page the build emits (the game, and the embed, gallery and class pages as they come:
 * Vite runs `transformIndexHtml` for each HTML entry). With it an injected inline script, an inline
 * event handler, `eval` and `new Function` do not run, and the page can reach nothing but its own origin.
 *
 * What the game needs, and why each source is there:
 * - `script-src 'self'`: the module scripts Vite emits (the entry and its lazy chunks); no inline script.
 * - `style-src 'self'`: the emitted stylesheet. Phaser and the panels set styles through the CSSOM
 *   (`element.style.x = ...`), which the policy allows; no `style` attribute is written as markup.
 * - `img-src 'self' data: blob:`: the favicon; Phaser's built-in textures are `data:` PNGs, and Phaser's
 *   loader turns the images it fetches into `blob:` URLs.
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plugins, no `<base>` rewiring the
 *   relative URLs, no form posting anywhere.
 * Everything else falls back to `default-src 'self'` (fetches, fonts, workers from the page's origin).
 *
 * A `<meta>` policy cannot carry `frame-ancestors` (which sites may frame the page) or other response
 * headers: README.md lists the headers a host should add. The dev server (`npm start`) is left without
 * the policy: Vite's dev client injects styles inline for hot reload. The browser tests run the built
 * pages, where it applies.
 *
 * Sources: https://www.w3.org/TR/CSP3/ (the directives; "The `frame-ancestors` directive is not
 * supported inside a `<meta>` element") and https://vite.dev/guide/api-plugin#transformindexhtml.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Writes the policy as the first element of every emitted page's `<head>` (before any script). */
export function contentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'nozama-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
