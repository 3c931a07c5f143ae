/**
 * A development (an ECS task): one small building per container and a banner naming its plan
 * (task definition family:revision; colour per family, shape per revision). Its lifecycle shows:
 * PROVISIONING/PENDING/ACTIVATING rise as scaffolding with the banner furled; RUNNING stands solid
 * with the banner unfurled; DEACTIVATING/STOPPING/DEPROVISIONING sink and fade with the banner
 * drooping; STOPPED fades away (the scene removes it when the fade ends). A building whose container
 * exited with a non-zero code burns: a flame over its house, while the development stands or falls
 * and for a while after it stopped. With reduced motion every change is shown at once, without tweens.
 */
import Phaser from 'phaser';
import { ART_SIZE } from '../art.ts';
import { BAKE_RESOLUTION, paintText, sourceOf } from '../baked-layer.ts';
import { drawAlarm, drawFlame } from '../banner.ts';
import {
  BANNER_ART_W,
  bannerTexture,
  ensurePoleTextures,
  FURLED_ART_H,
  KNOB_ART,
  KNOB_KEY,
  POLE_KEY,
} from '../banner-textures.ts';
import { drawHerald } from '../herald.ts';
import { TextureKey } from '../keys.ts';
import { type DevelopmentModel, isFalling, isRising } from '../kingdom-model.ts';
import type { Rect } from '../layout.ts';
import { reducedMotion } from '../motion.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

export const DEVELOPMENT_DEPTH = 20;
const PhaserImage = Phaser.GameObjects.Image;
const RISE_MS = 700;
const FADE_MS = 700;

type Phase = 'rising' | 'standing' | 'falling';

function phaseOf(d: DevelopmentModel): Phase {
  if (isRising(d.status)) return 'rising';
  if (isFalling(d.status)) return 'falling';
  return 'standing';
}

export class DevelopmentView {
  readonly container: Phaser.GameObjects.Container;
  private readonly scene: Phaser.Scene;
  private readonly pole: Phaser.GameObjects.Image;
  private readonly knob: Phaser.GameObjects.Image;
  private readonly cloth: Phaser.GameObjects.Image;
  /** Alarm and flame icons: drawn only on the rare developments that need them. */
  private readonly marks: Phaser.GameObjects.Graphics;
  /** The banner image's scale when fully unfurled (the unfurl tween ends there). */
  private clothScale = { x: 1, y: 1 };
  private readonly label: Phaser.GameObjects.Text;
  private houses: Phaser.GameObjects.Image[] = [];
  private sig = '';
  private phase: Phase | null = null;
  private rect: Rect | null = null;
  private fading = false;
  /** Burning or alarmed: its icons are live Graphics, so it is never baked into its territory. */
  private marked = false;
  /** Called when one of its animations ends (it may now be still, and bakeable). */
  onSettle: (() => void) | null = null;
  private inFlight: Phaser.Tweens.Tween[] = [];

  constructor(scene: Phaser.Scene, onDark: boolean) {
    this.scene = scene;
    ensurePoleTextures(scene);
    this.pole = scene.add.image(0, 0, POLE_KEY).setOrigin(0.5, 0);
    this.knob = scene.add.image(0, 0, KNOB_KEY);
    this.cloth = scene.add.image(0, 0, '__DEFAULT');
    this.marks = scene.add.graphics();
    this.label = scene.add
      .text(0, 0, '', {
        fontFamily: FONT_FAMILY,
        color: onDark ? COLORS.textOnDark : COLORS.textOnLight,
        fontStyle: 'bold',
        resolution: BAKE_RESOLUTION,
      })
      .setOrigin(0.5, 0);
    this.container = scene.add.container(0, 0, [this.pole, this.knob, this.cloth, this.marks, this.label]);
    this.container.setDepth(DEVELOPMENT_DEPTH);
  }

  update(d: DevelopmentModel, rect: Rect): void {
    const signature = JSON.stringify([d, rect]);
    if (signature === this.sig || this.fading) return;
    this.sig = signature;
    const phase = phaseOf(d);
    const previous = this.phase;
    const moved = this.rect !== null && (this.rect.x !== rect.x || this.rect.y !== rect.y);
    this.phase = phase;
    this.rect = rect;
    this.draw(d, rect, phase);

    const target = { x: rect.x, y: rect.y, alpha: phase === 'falling' ? 0.55 : 1 };
    if (reducedMotion()) {
      this.scene.tweens.killTweensOf(this.container);
      this.scene.tweens.killTweensOf(this.cloth);
      this.container.setPosition(target.x, target.y).setAlpha(target.alpha);
      this.cloth.setScale(this.clothScale.x, this.clothScale.y);
      return;
    }
    if (previous === null) {
      // A new development rises from the ground.
      this.container.setPosition(rect.x, rect.y + rect.h * 0.35).setAlpha(0);
      this.tween(target, RISE_MS, 'Back.easeOut');
      return;
    }
    if (moved || (phase === 'falling') !== (previous === 'falling')) {
      this.tween(target, 450, 'Sine.easeInOut');
    }
    if (previous !== 'standing' && phase === 'standing') {
      // The banner unfurls when the development starts RUNNING.
      this.cloth.setScale(this.clothScale.x * 0.05, this.clothScale.y);
      this.tweenTarget(this.cloth, { scaleX: this.clothScale.x }, 450, 'Back.easeOut');
    }
  }

  /** STOPPED: sink and fade, then tell the scene to forget this view. */
  fadeOut(onDone: () => void): void {
    if (this.fading) return;
    this.fading = true;
    if (reducedMotion()) {
      this.container.setAlpha(0);
      onDone();
      return;
    }
    this.scene.tweens.add({
      targets: this.container,
      alpha: 0,
      y: this.container.y + (this.rect?.h ?? 20) * 0.25,
      duration: FADE_MS,
      ease: 'Sine.easeIn',
      onComplete: onDone,
    });
  }

  get isFading(): boolean {
    return this.fading;
  }

  /** Its look and place, for the territory that bakes it: changes whenever either does. */
  get signature(): string {
    return this.sig;
  }

  /**
   * Standing still (RUNNING, no animation playing, no icon): it can be painted into its territory's
   * texture instead of being drawn live every frame.
   */
  get isStill(): boolean {
    this.inFlight = this.inFlight.filter(
      (t) => !(t.isFinished() || t.isDestroyed() || t.isRemoved() || t.isPendingRemove()),
    );
    return this.phase === 'standing' && !this.fading && !this.marked && this.inFlight.length === 0;
  }

  /** Baked: its territory paints it, the live objects are hidden. */
  setBaked(baked: boolean): void {
    this.container.setVisible(!baked);
  }

  /** Paints its live objects as they stand into a 2D context, offset by (dx, dy). */
  paint(ctx: CanvasRenderingContext2D, dx: number, dy: number): void {
    const c = this.container;
    const ox = dx + c.x;
    const oy = dy + c.y;
    for (const child of c.list) {
      if (child instanceof PhaserImage) {
        if (!child.visible) continue;
        const src = sourceOf(this.scene, child.texture.key);
        if (!src) continue;
        const w = child.displayWidth;
        const h = child.displayHeight;
        ctx.globalAlpha = c.alpha * child.alpha;
        ctx.drawImage(src, ox + child.x - child.originX * w, oy + child.y - child.originY * h, w, h);
      } else if (child === this.label) {
        ctx.globalAlpha = c.alpha;
        paintText(ctx, this.label, ox, oy);
      }
    }
    ctx.globalAlpha = 1;
  }

  private tween(props: Record<string, number>, duration: number, ease: string): void {
    this.tweenTarget(this.container, props, duration, ease);
  }

  private tweenTarget(target: object, props: Record<string, number>, duration: number, ease: string): void {
    this.scene.tweens.killTweensOf(target);
    this.inFlight.push(
      this.scene.tweens.add({
        targets: target,
        ...props,
        duration,
        ease,
        onComplete: () => this.onSettle?.(),
      }),
    );
  }

  private draw(d: DevelopmentModel, rect: Rect, phase: Phase): void {
    const pad = Math.max(1, Math.min(rect.w, rect.h) * 0.06);
    const showLabel = rect.h >= 34 && rect.w >= 42;
    const labelSize = Math.round(Math.max(10, Math.min(16, rect.h * 0.19)));
    const bodyH = rect.h - pad * 2 - (showLabel ? labelSize * 1.15 : 0);
    const bannerW = Math.min(rect.w * 0.3, bodyH * 0.55);
    const poleX = pad + bannerW * 0.12;
    const top = pad;
    const bottom = pad + bodyH;

    // The pole and the banner (shared baked textures, see banner-textures.ts).
    const poleW = Math.max(1.5, bannerW * 0.07);
    this.pole.setPosition(poleX, top).setDisplaySize(poleW, Math.max(1, bottom - top));
    const knob = Math.max(1.5, poleW * 0.9) * 2;
    this.knob.setPosition(poleX, top).setScale(knob / KNOB_ART);
    const clothY = phase === 'falling' ? top + bodyH * 0.38 : top + bannerW * 0.06;
    const look = phase === 'rising' ? 'furled' : phase === 'falling' ? 'drooping' : 'flying';
    const tex = bannerTexture(this.scene, d.banner, look);
    const sx = bannerW / BANNER_ART_W;
    this.clothScale = { x: sx, y: look === 'furled' ? (bodyH * 0.55) / FURLED_ART_H : sx };
    this.scene.tweens.killTweensOf(this.cloth);
    this.cloth
      .setTexture(tex.key)
      .setOrigin(tex.originX, tex.originY)
      .setPosition(poleX, clothY)
      .setScale(this.clothScale.x, this.clothScale.y);

    // One building per container, bottom-aligned in the space right of the banner.
    const area = { x: poleX + bannerW * 1.08, y: top, w: rect.w - pad - (poleX + bannerW * 1.08), h: bodyH };
    const n = Math.max(1, d.houses.length);
    // Up to three buildings stand in a row unless that makes them much smaller than a grid would:
    // a stack of two looks like a tower, not two buildings.
    let best = { cols: 1, rows: n, size: 0 };
    for (let cols = 1; cols <= n; cols++) {
      const rows = Math.ceil(n / cols);
      const size = Math.min(area.w / cols, area.h / rows);
      if (size > best.size) best = { cols, rows, size };
    }
    const row = Math.min(area.w / n, area.h);
    if (n <= 3 && row >= best.size * 0.55) best = { cols: n, rows: 1, size: row };
    const size = best.size;
    while (this.houses.length < d.houses.length) {
      const img = this.scene.add.image(0, 0, TextureKey.House).setOrigin(0, 0);
      this.houses.push(img);
      this.container.addAt(img, 0);
    }
    while (this.houses.length > d.houses.length) this.houses.pop()?.destroy();
    const usedW = best.cols * size;
    const ox = area.x + (area.w - usedW) / 2;
    d.houses.forEach((status, i) => {
      const img = this.houses[i] as Phaser.GameObjects.Image;
      const c = i % best.cols;
      const r = Math.floor(i / best.cols);
      const texture =
        phase === 'rising' || status === 'PENDING'
          ? TextureKey.HouseScaffold
          : status === 'STOPPED' || phase === 'falling'
            ? TextureKey.HouseStopped
            : TextureKey.House;
      img
        .setTexture(texture)
        .setScale(size / ART_SIZE)
        .setPosition(ox + c * size, area.y + area.h - (best.rows - r) * size);
    });

    this.marks.clear();
    // Icons are live graphics, not painted into the territory's texture: a marked development stays live.
    this.marked = d.unhealthy || d.fires.some(Boolean) || (size >= 10 && d.health.some((x) => x !== null));
    // Flames over the houses whose containers exited with a non-zero code.
    d.fires.forEach((fire, i) => {
      if (!fire) return;
      const c = i % best.cols;
      const r = Math.floor(i / best.cols);
      const hx = ox + c * size;
      const hy = area.y + area.h - (best.rows - r) * size;
      drawFlame(this.marks, hx + size * 0.5, hy + size * 0.78, Math.max(7, size * 0.78));
    });
    // The lord's herald's verdict on each building with a health check (its own, not the gate's):
    // a tick when sound, a cross when failing, an hourglass while not yet judged.
    d.health.forEach((health, i) => {
      if (health === null || size < 10) return;
      const c = i % best.cols;
      const r = Math.floor(i / best.cols);
      const hx = ox + c * size;
      const hy = area.y + area.h - (best.rows - r) * size;
      const icon = health === 'HEALTHY' ? 'tick' : health === 'UNHEALTHY' ? 'cross' : 'hourglass';
      drawHerald(this.marks, icon, hx + size * 0.8, hy + size * 0.2, Math.max(3.5, size * 0.2));
    });
    if (d.unhealthy || d.reclaimAt !== null) {
      const r = Math.max(5, Math.min(rect.w, rect.h) * 0.13);
      drawAlarm(this.marks, rect.w - r - 1, r + 1, r);
    }
    // Spot lands: a dashed border (sky blue), vermillion while the planet reclaims them; the label
    // says so too, so colour is never the only sign.
    if (d.spot) drawDashedRect(this.marks, rect, d.reclaimAt !== null ? PALETTE_RECLAIM : PALETTE_SPOT);
    this.marked = this.marked || d.reclaimAt !== null;
    this.label.setVisible(showLabel);
    if (showLabel) {
      this.label.setFontSize(labelSize).setPosition(rect.w / 2, rect.h - pad - labelSize * 1.15);
      const text = d.reclaimAt !== null ? `${d.plan} · reclaimed` : d.spot ? `${d.plan} · Spot` : d.plan;
      fitLabel(this.label, text, Math.max(8, rect.w - 2 * Math.max(2, pad) - 2));
    }
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.container);
    this.scene.tweens.killTweensOf(this.cloth);
    this.container.destroy(true);
  }
}

const PALETTE_SPOT = OKABE_ITO.skyBlue;
const PALETTE_RECLAIM = OKABE_ITO.vermillion;

/** A dashed outline inside the development's cell: Spot land. */
function drawDashedRect(g: Phaser.GameObjects.Graphics, rect: Rect, color: number): void {
  const w = Math.max(1.5, Math.min(rect.w, rect.h) * 0.04);
  const dash = Math.max(4, Math.min(rect.w, rect.h) * 0.12);
  const x0 = w / 2;
  const y0 = w / 2;
  const x1 = rect.w - w / 2;
  const y1 = rect.h - w / 2;
  g.lineStyle(w, color, 1);
  for (let x = x0; x < x1; x += dash * 2) {
    g.lineBetween(x, y0, Math.min(x + dash, x1), y0);
    g.lineBetween(x, y1, Math.min(x + dash, x1), y1);
  }
  for (let y = y0; y < y1; y += dash * 2) {
    g.lineBetween(x0, y, x0, Math.min(y + dash, y1));
    g.lineBetween(x1, y, x1, Math.min(y + dash, y1));
  }
}

/**
 * Sets a label's text so it fits maxW inside its cell (a gap on each side, so neighbours' labels never
 * run together): squeezed a little if it must, and beyond that shortened with an ellipsis.
 */
function fitLabel(label: Phaser.GameObjects.Text, text: string, maxW: number): void {
  const MIN_SCALE = 0.82;
  label.setScale(1).setText(text);
  if (label.width <= maxW) return;
  if (label.width * MIN_SCALE <= maxW) {
    label.setScale(maxW / label.width);
    return;
  }
  let n = text.length - 1;
  while (n > 1) {
    label.setText(`${text.slice(0, n)}…`);
    if (label.width * MIN_SCALE <= maxW) break;
    n--;
  }
  label.setScale(label.width > maxW ? maxW / label.width : 1);
}
