/**
 * `<nozama-demo>`: a live Nozama demo in a shadow root (the host page's CSS never reaches it and its
 * own never leaks out). It paints a poster and a play button at once; the player (the model, Phaser and
 * the scenes) is loaded only when the demo comes into view with `autoplay`, or when Play is pressed.
 * It sleeps while out of view or while the tab is hidden. Methods: play(), pause(), restart(),
 * setSpeed(n); read-only: loaded, paused, elapsed (simulated seconds). Events (CustomEvent
 * `nozama:<name>`, bubbling out of the shadow root): ready, goal, rollback, error.
 */
import type { Speed } from '../store/create-game-store.ts';
import css from './embed.css?inline';
import { EMBED_ATTRIBUTES, type EmbedOptions, readEmbedOptions } from './embed-options.ts';
import type { EmbedEvent, Player } from './player.ts';
import { createPoster, type Poster } from './poster.ts';

let sheet: CSSStyleSheet | null = null;
/** One constructed stylesheet shared by every demo on the page (adopted, so no inline style is needed). */
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export class NozamaDemo extends HTMLElement {
  static observedAttributes = EMBED_ATTRIBUTES;
  /** Where Nozama is hosted, for "Open in Nozama": the page's folder, or embed.js's (set by embed.ts). */
  static base = new URL('./', document.baseURI);

  private player: Player | null = null;
  private loading: Promise<void> | null = null;
  private poster: Poster | null = null;
  private observer: IntersectionObserver | null = null;
  private inView = false;
  private options: EmbedOptions | null = null;
  private parts: { frame: HTMLElement; stage: HTMLElement; bar: HTMLElement } | null = null;

  get loaded(): boolean {
    return this.player !== null;
  }
  get paused(): boolean {
    return this.player?.store.getState().clock.paused ?? true;
  }
  get speed(): Speed {
    return this.player?.store.getState().clock.speed ?? 1;
  }
  get elapsed(): number {
    const sim = this.player?.store.getState().sim;
    return sim ? sim.now - sim.startedAt : 0;
  }

  connectedCallback(): void {
    this.render();
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      this.inView = entry?.isIntersecting === true;
      this.player?.setVisible(this.inView);
      if (this.inView && this.options?.autoplay) void this.load(!reducedMotion());
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.player?.destroy();
    this.player = null;
    this.loading = null;
  }

  attributeChangedCallback(): void {
    // A change of what to show rebuilds the demo (lazily again).
    if (!this.isConnected || !this.parts) return;
    this.player?.destroy();
    this.player = null;
    this.loading = null;
    this.render();
  }

  play(): void {
    if (this.player) this.player.play();
    else void this.load(true);
  }
  pause(): void {
    this.player?.pause();
  }
  restart(): void {
    this.player?.restart();
  }
  setSpeed(speed: Speed): void {
    this.player?.setSpeed(speed);
  }
  step(seconds: number): void {
    this.player?.step(seconds);
  }

  private render(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    const { options, problems } = readEmbedOptions((n) => this.getAttribute(n));
    this.options = options;
    for (const p of problems) console.warn(`<nozama-demo>: ${p}; using the default.`);
    const frame = document.createElement('div');
    frame.className = 'frame';
    frame.setAttribute('role', 'region');
    if (options.height) frame.style.setProperty('--nozama-height', options.height);
    const stage = document.createElement('div');
    stage.className = 'stage';
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.hidden = true;
    const poster = createPoster(options.source, options.words);
    frame.setAttribute(
      'aria-label',
      `Nozama demo: ${poster.root.querySelector('.title')?.textContent ?? ''}`,
    );
    poster.play.addEventListener('click', () => void this.load(true));
    stage.append(poster.root);
    frame.append(stage, bar);
    root.replaceChildren(frame);
    this.poster = poster;
    this.parts = { frame, stage, bar };
  }

  private emit(e: EmbedEvent): void {
    if (e.event === 'state') return;
    if (e.event === 'error') this.poster?.say(e.message);
    this.dispatchEvent(new CustomEvent(`nozama:${e.event}`, { detail: e, bubbles: true, composed: true }));
  }

  private load(playing: boolean): Promise<void> {
    if (this.loading) {
      if (playing) void this.loading.then(() => this.player?.play());
      return this.loading;
    }
    const parts = this.parts;
    const options = this.options;
    if (!parts || !options) return Promise.resolve();
    this.loading = import('./player.ts').then(async ({ mountPlayer }) => {
      if (!this.isConnected || this.parts !== parts) return;
      let failed = false;
      const player = await mountPlayer(parts.stage, parts.bar, options, NozamaDemo.base, playing, (e) => {
        if (e.event === 'error') failed = true;
        this.emit(e);
      });
      if (!this.isConnected || this.parts !== parts) {
        player.destroy();
        return;
      }
      this.player = player;
      if (!failed && this.poster) this.poster.root.hidden = true;
      player.setVisible(this.inView || !this.observer);
    });
    return this.loading;
  }
}

export function defineNozamaDemo(): void {
  if (!customElements.get('nozama-demo')) customElements.define('nozama-demo', NozamaDemo);
}
