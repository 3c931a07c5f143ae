/**
 * The poster an embed paints at once, before any of the game loads: a light SVG of three portals on
 * the golden ground, the demo's title and caption, and a play button. Plain DOM, no game code.
 */
import { demoById } from '../levels/gallery.ts';
import type { NameMode } from '../store/create-game-store.ts';
import type { DemoSource } from '../store/demo-session.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** Three zone portals over orange sand: drawn by code for this project. */
function art(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 240 110');
  svg.setAttribute('class', 'poster-art');
  svg.setAttribute('aria-hidden', 'true');
  const add = (name: string, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    svg.append(node);
    return node;
  };
  add('rect', { x: 0, y: 78, width: 240, height: 32, rx: 6, fill: '#e69f00' });
  [0, 1, 2].forEach((i) => {
    const x = 20 + i * 75;
    add('path', {
      d: `M${x} 86 V40 a30 30 0 0 1 60 0 V86`,
      fill: '#0f1a33',
      stroke: '#56b4e9',
      'stroke-width': 5,
    });
    add('rect', { x: x + 14, y: 56, width: 14, height: 22, fill: i === 1 ? '#009e73' : '#0072b2' });
    add('rect', { x: x + 32, y: 50, width: 14, height: 28, fill: '#0072b2' });
  });
  return svg;
}

export function titleOf(source: DemoSource, words: NameMode): { title: string; caption: string } {
  if (source.kind === 'demo') {
    const demo = demoById(source.id);
    if (demo) {
      const caption =
        words === 'aws'
          ? demo.captionAws
          : words === 'both'
            ? `${demo.caption} (${demo.captionAws})`
            : demo.caption;
      return { title: demo.title, caption };
    }
  }
  if (source.kind === 'level')
    return { title: 'A Nozama level', caption: 'Play a level of the ECS campaign here.' };
  if (source.kind === 'world')
    return { title: 'A shared Nozama world', caption: 'A world someone built, replayed call by call.' };
  return {
    title: 'Nozama',
    caption: 'Build a kingdom on the planet Nozama: every action is a real ECS call.',
  };
}

export interface Poster {
  root: HTMLElement;
  play: HTMLButtonElement;
  /** Shows a problem instead of the caption (the play button stays, to try again). */
  say(message: string): void;
}

export function createPoster(source: DemoSource, words: NameMode): Poster {
  const { title, caption } = titleOf(source, words);
  const root = el('div', 'poster');
  const play = el('button', 'play');
  play.type = 'button';
  const icon = el('span', '', '▶ ');
  icon.setAttribute('aria-hidden', 'true');
  play.append(icon, 'Play the demo');
  play.setAttribute('aria-label', `Play the demo: ${title}`);
  const captionLine = el('p', 'caption', caption);
  root.append(art(), el('p', 'title', title), captionLine, play);
  return {
    root,
    play,
    say(message) {
      captionLine.className = 'message';
      captionLine.textContent = message;
      captionLine.setAttribute('role', 'alert');
    },
  };
}
