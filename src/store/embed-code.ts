/**
 * The code a blogger pastes: a script tag and the element, or an iframe, for a gallery demo, a level
 * or a world (a share link). `base` is where Nozama is hosted (the folder holding embed.js and
 * embed.html). Attribute values are escaped, so a link is safe inside quotes.
 */

export interface EmbedTarget {
  demo?: string;
  level?: string;
  /** A share link's `world=...` fragment part. */
  world?: string;
  autoplay?: boolean;
  controls?: 'none' | 'play' | 'full';
  words?: 'nozama' | 'aws' | 'both';
}

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pairs(target: EmbedTarget): [string, string][] {
  const out: [string, string][] = [];
  if (target.demo) out.push(['demo', target.demo]);
  if (target.level) out.push(['level', target.level]);
  if (target.world) out.push(['world', target.world]);
  if (target.autoplay) out.push(['autoplay', '']);
  if (target.controls) out.push(['controls', target.controls]);
  if (target.words) out.push(['words', target.words]);
  return out;
}

export function embedSnippets(base: string, target: EmbedTarget): { script: string; iframe: string } {
  const root = base.endsWith('/') ? base : `${base}/`;
  const attributes = pairs(target)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttribute(v)}"`))
    .join('');
  const query = new URLSearchParams(pairs(target).map(([k, v]) => [k, v === '' ? '1' : v])).toString();
  return {
    script: `<script type="module" src="${root}embed.js"></script>\n<nozama-demo${attributes}></nozama-demo>`,
    iframe: `<iframe src="${escapeAttribute(`${root}embed.html?${query}`)}" title="Nozama: a live ECS demo" width="100%" height="420" style="border:0" loading="lazy"></iframe>`,
  };
}
