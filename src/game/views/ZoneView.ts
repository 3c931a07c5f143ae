/**
 * An Availability Zone: a sky-blue portal frame with the zone's name in its crown ("1a" big,
 * "za-southwest-1a" small), its golden land, a strip of managed lands (Fargate) and a counts line.
 * An impaired zone goes dark: grey portal, cracked, a shadow over its land and a lightning icon.
 * When the zone fails (the 'zone/failed' event), the collapse plays once: the portal shakes, a
 * vermillion crack runs down from its keystone, and the darkness falls over its land.
 */
import type Phaser from 'phaser';
import { T } from '../../i18n/messages.ts';
import { BAKE_RESOLUTION, BakedLayer } from '../baked-layer.ts';
import { drawBolt } from '../banner.ts';
import { fillPoly } from '../draw.ts';
import { countsParts, type ZoneModel } from '../kingdom-model.ts';
import type { Fonts, Rect, ZoneLayout } from '../layout.ts';
import { COLORS, FONT_FAMILY } from '../palette.ts';

export const ZONE_DEPTH = { base: 1, overlay: 50 } as const;

export class ZoneView {
  /** The portal, the land and the managed strip: baked, redrawn only when the zone changes. */
  private readonly base: BakedLayer;
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly code: Phaser.GameObjects.Text;
  private readonly fullName: Phaser.GameObjects.Text;
  private readonly managedLabel: Phaser.GameObjects.Text;
  private readonly counts: Phaser.GameObjects.Text;
  private readonly darkLabel: Phaser.GameObjects.Text;
  private readonly hint: Phaser.GameObjects.Text;
  /** The crack of a collapse, drawn only while the collapse plays. */
  private readonly crackLayer: Phaser.GameObjects.Graphics;
  private readonly scene: Phaser.Scene;
  private layout: ZoneLayout | null = null;
  /** Where the baked portal sits (a shake moves it and brings it back here). */
  private baseX = 0;
  private signature = '';

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.base = new BakedLayer(scene);
    this.base.image.setDepth(ZONE_DEPTH.base);
    this.overlay = scene.add.graphics().setDepth(ZONE_DEPTH.overlay);
    this.crackLayer = scene.add.graphics().setDepth(ZONE_DEPTH.overlay + 2);
    const text = (color: string, bold = false) =>
      scene.add
        .text(0, 0, '', {
          fontFamily: FONT_FAMILY,
          color,
          fontStyle: bold ? 'bold' : 'normal',
          // Rasterised at twice the size: still sharp when the camera zooms in on a zone.
          resolution: BAKE_RESOLUTION,
        })
        .setDepth(ZONE_DEPTH.overlay + 1);
    this.code = text(COLORS.textOnDark, true).setOrigin(0.5, 0);
    this.fullName = text(COLORS.textOnDarkSoft).setOrigin(0.5, 0);
    this.managedLabel = text(COLORS.textOnLightSoft, true)
      .setOrigin(0, 0)
      .setDepth(ZONE_DEPTH.base + 1);
    this.counts = text(COLORS.textOnDark, true).setOrigin(0.5, 0.5);
    this.darkLabel = text(COLORS.textOnDark, true).setOrigin(0.5, 0);
    this.hint = text(COLORS.textOnLightSoft)
      .setOrigin(0.5, 0.5)
      .setAlpha(0.7)
      .setDepth(ZONE_DEPTH.base + 1);
  }

  update(zone: ZoneModel, layout: ZoneLayout, fonts: Fonts): void {
    const signature = JSON.stringify([
      zone.name,
      zone.code,
      zone.impaired,
      zone.counts,
      layout,
      fonts.zoneCode,
    ]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.layout = layout;
    this.drawBase(zone, layout);
    this.drawOverlay(zone, layout, fonts);

    const { crown } = layout;
    const gap = fonts.zoneName * 0.25;
    const block = fonts.zoneCode + gap + fonts.zoneName * 1.2;
    const top = crown.y + (crown.h - block) / 2 + fonts.zoneCode * 0.02;
    this.code
      .setText(zone.code)
      .setFontSize(fonts.zoneCode)
      .setPosition(crown.x + crown.w / 2, top - fonts.zoneCode * 0.12);
    this.fullName
      .setText(zone.name)
      .setFontSize(fonts.zoneName)
      .setPosition(crown.x + crown.w / 2, top + fonts.zoneCode + gap - fonts.zoneCode * 0.1)
      .setScale(1);
    // A narrow zone (a phone's screen) shrinks its words to fit rather than run into its neighbour's.
    fitWidth(this.fullName, crown.w * 0.92);
    this.managedLabel
      .setText('managed lands')
      .setFontSize(fonts.managed)
      .setPosition(layout.managed.x + 10, layout.managed.y + fonts.managed * 0.2)
      .setScale(1);
    fitWidth(this.managedLabel, layout.managed.w - 14);
    this.hint
      .setText(T.t('canvas.noTerritories'))
      .setFontSize(fonts.counts)
      .setPosition(layout.land.x + layout.land.w / 2, layout.land.y + layout.land.h / 2)
      .setVisible(zone.territories.length === 0 && !zone.impaired);
    this.hint.setScale(this.hint.width > layout.land.w * 0.9 ? (layout.land.w * 0.9) / this.hint.width : 1);
    // The counts on one line, or on two smaller lines when the zone is too narrow.
    const parts = zone.impaired ? [T.t('world.dark'), ...countsParts(zone)] : countsParts(zone);
    const maxW = layout.counts.w;
    this.counts
      .setText(parts.join(' · '))
      .setFontSize(fonts.counts)
      .setLineSpacing(0)
      .setAlign('center')
      .setScale(1)
      .setPosition(layout.counts.x + layout.counts.w / 2, layout.counts.y + layout.counts.h / 2);
    if (this.counts.width * 0.85 > maxW && parts.length > 1) {
      const half = Math.ceil(parts.length / 2);
      this.counts
        .setText(`${parts.slice(0, half).join(' · ')}\n${parts.slice(half).join(' · ')}`)
        .setFontSize(Math.max(11, Math.round(Math.min(fonts.counts * 0.8, layout.counts.h * 0.42))));
    }
    if (this.counts.width > maxW) this.counts.setScale(maxW / this.counts.width);
  }

  private drawBase(zone: ZoneModel, l: ZoneLayout): void {
    const { frame, stroke } = l;
    const margin = Math.ceil(stroke * 2);
    const ox = Math.floor(frame.x - margin);
    const oy = Math.floor(frame.y - margin);
    this.baseX = ox;
    this.base.image.setPosition(ox, oy);
    this.base.redraw(frame.w + 2 * margin + 1, frame.h + 2 * margin + 1, (g) => {
      g.translateCanvas(-ox, -oy);
      this.drawPortal(g, zone, l);
    });
  }

  private drawPortal(g: Phaser.GameObjects.Graphics, zone: ZoneModel, l: ZoneLayout): void {
    const { frame, stroke } = l;
    const r = Math.min(frame.w * 0.2, l.crown.h * 1.1);
    const frameColor = zone.impaired ? COLORS.portalDark : COLORS.portal;
    // The portal: a thick frame with an arched top.
    g.lineStyle(stroke, frameColor, 1);
    g.strokeRoundedRect(frame.x + stroke / 2, frame.y + stroke / 2, frame.w - stroke, frame.h - stroke, {
      tl: r,
      tr: r,
      bl: 8,
      br: 8,
    });
    // Dark inside the portal (no stars behind the labels). The layer is baked, so this big fill
    // costs nothing per frame beyond the texture it already is.
    g.fillStyle(COLORS.crown, 1);
    g.fillRoundedRect(frame.x + stroke, frame.y + stroke, frame.w - 2 * stroke, frame.h - 2 * stroke, {
      tl: Math.max(1, r - stroke),
      tr: Math.max(1, r - stroke),
      bl: 4,
      br: 4,
    });
    // A keystone on the arch.
    const kx = frame.x + frame.w / 2;
    const kw = Math.max(10, stroke * 2.4);
    g.fillStyle(zone.impaired ? 0x6b7585 : COLORS.portalGlow, 1);
    fillPoly(g, [
      { x: kx - kw * 0.7, y: frame.y - stroke * 0.2 },
      { x: kx + kw * 0.7, y: frame.y - stroke * 0.2 },
      { x: kx + kw * 0.45, y: frame.y + stroke * 1.4 },
      { x: kx - kw * 0.45, y: frame.y + stroke * 1.4 },
    ]);
    // The golden land of the zone.
    const land: Rect = { x: l.land.x, y: l.land.y, w: l.land.w, h: l.managed.y + l.managed.h - l.land.y };
    g.fillStyle(COLORS.ground, 1);
    g.fillRoundedRect(land.x, land.y, land.w, land.h, 10);
    // Managed lands: pale and hatched, tended by someone else.
    const m = l.managed;
    g.fillStyle(COLORS.managed, 1);
    g.fillRoundedRect(m.x + 4, m.y, m.w - 8, m.h - 4, 8);
    g.lineStyle(2, COLORS.managedHatch, 0.55);
    hatch(g, { x: m.x + 4, y: m.y, w: m.w - 8, h: m.h - 4 }, Math.max(10, m.h * 0.2));
    g.lineStyle(2, COLORS.groundEdge, 1);
    g.strokeRoundedRect(m.x + 4, m.y, m.w - 8, m.h - 4, 8);
    // An inner glow line along the portal.
    g.lineStyle(2, zone.impaired ? 0x6b7585 : COLORS.portalGlow, 0.9);
    g.strokeRoundedRect(frame.x + stroke, frame.y + stroke, frame.w - stroke * 2, frame.h - stroke * 2, {
      tl: Math.max(1, r - stroke),
      tr: Math.max(1, r - stroke),
      bl: 6,
      br: 6,
    });
  }

  private drawOverlay(zone: ZoneModel, l: ZoneLayout, fonts: Fonts): void {
    const g = this.overlay;
    g.clear();
    if (!zone.impaired) {
      this.darkLabel.setVisible(false);
      return;
    }
    const land: Rect = { x: l.land.x, y: l.land.y, w: l.land.w, h: l.managed.y + l.managed.h - l.land.y };
    g.fillStyle(COLORS.dark, 0.62);
    g.fillRoundedRect(land.x, land.y, land.w, land.h, 10);
    // Cracks across the portal.
    g.lineStyle(Math.max(2, l.stroke * 0.5), COLORS.alarm, 1);
    const f = l.frame;
    crack(g, f.x + f.w * 0.18, f.y + l.stroke, f.x + f.w * 0.3, l.crown.y + l.crown.h);
    crack(g, f.x + f.w * 0.86, f.y + l.stroke * 2, f.x + f.w * 0.74, l.crown.y + l.crown.h * 0.9);
    const r = Math.min(land.w, land.h) * 0.12;
    const cx = land.x + land.w / 2;
    const cy = land.y + Math.min(land.h * 0.3, r * 2.2);
    drawBolt(g, cx, cy, r);
    this.darkLabel
      .setVisible(true)
      .setText('zone dark')
      .setFontSize(Math.max(fonts.counts, Math.round(r * 0.55)))
      .setPosition(cx, cy + r * 1.15);
  }

  /**
   * The portal collapses (played once, from the 'zone/failed' event): it shakes, a crack runs down
   * from the keystone through the land, and the darkness fades in. Without `animate` (reduced motion)
   * nothing moves: the dark look is already drawn.
   */
  playCollapse(animate: boolean): void {
    const l = this.layout;
    const tweens = this.scene.tweens;
    tweens.killTweensOf(this.overlay);
    tweens.killTweensOf(this.darkLabel);
    tweens.killTweensOf(this.base.image);
    this.crackLayer.clear();
    this.overlay.setAlpha(1);
    this.darkLabel.setAlpha(1);
    if (!animate || !l) return;
    const f = l.frame;
    const baseX = this.baseX;
    this.base.image.setX(baseX);
    // The darkness falls.
    this.overlay.setAlpha(0);
    this.darkLabel.setAlpha(0);
    tweens.add({ targets: [this.overlay, this.darkLabel], alpha: 1, duration: 1100, ease: 'Quad.easeIn' });
    // The portal shakes.
    tweens.add({
      targets: this.base.image,
      x: baseX + Math.max(3, l.stroke * 0.6),
      duration: 60,
      yoyo: true,
      repeat: 4,
      ease: 'Sine.easeInOut',
      onComplete: () => this.base.image.setX(this.baseX),
    });
    // The crack runs down from the keystone, then fades into the dark look.
    const land = l.land;
    const points: { x: number; y: number }[] = [];
    const steps = 9;
    const bottom = Math.min(l.managed.y + l.managed.h, land.y + Math.max(land.h, 120));
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const swing = i === 0 || i === steps ? 0 : (i % 2 === 0 ? -1 : 1) * f.w * (0.05 + 0.03 * (i % 3));
      points.push({ x: f.x + f.w / 2 + swing, y: f.y + (bottom - f.y) * t });
    }
    const progress = { t: 0 };
    const width = Math.max(3, l.stroke * 0.8);
    const draw = () => {
      const g = this.crackLayer;
      g.clear();
      const reach = progress.t * steps;
      const path: { x: number; y: number }[] = [];
      for (let i = 0; i <= steps; i++) {
        const p = points[i] as { x: number; y: number };
        if (i <= reach) path.push(p);
        else {
          const prev = points[i - 1] as { x: number; y: number };
          const k = reach - (i - 1);
          path.push({ x: prev.x + (p.x - prev.x) * k, y: prev.y + (p.y - prev.y) * k });
          break;
        }
      }
      if (path.length < 2) return;
      g.lineStyle(width + 4, 0x000000, 0.7);
      strokeOpen(g, path);
      g.lineStyle(width, COLORS.alarm, 1);
      strokeOpen(g, path);
    };
    this.crackLayer.setAlpha(1);
    tweens.add({
      targets: progress,
      t: 1,
      duration: 700,
      ease: 'Cubic.easeOut',
      onUpdate: draw,
      onComplete: () => {
        draw();
        tweens.add({
          targets: this.crackLayer,
          alpha: 0,
          delay: 350,
          duration: 600,
          onComplete: () => this.crackLayer.clear(),
        });
      },
    });
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.overlay);
    this.scene.tweens.killTweensOf(this.darkLabel);
    this.scene.tweens.killTweensOf(this.base.image);
    this.scene.tweens.killTweensOf(this.crackLayer);
    this.base.destroy();
    for (const o of [
      this.crackLayer,
      this.overlay,
      this.code,
      this.fullName,
      this.managedLabel,
      this.counts,
      this.darkLabel,
      this.hint,
    ]) {
      o.destroy();
    }
  }
}

/** Diagonal lines clipped to a rectangle. */
function hatch(g: Phaser.GameObjects.Graphics, r: Rect, step: number): void {
  for (let s = -r.h; s < r.w; s += step) {
    // Line from (r.x + s, bottom) rising to the right at 45 degrees, clipped to the box.
    let x0 = r.x + s;
    let y0 = r.y + r.h;
    let x1 = x0 + r.h;
    let y1 = r.y;
    if (x0 < r.x) {
      y0 -= r.x - x0;
      x0 = r.x;
    }
    if (x1 > r.x + r.w) {
      y1 += x1 - (r.x + r.w);
      x1 = r.x + r.w;
    }
    if (x1 > x0) g.lineBetween(x0, y0, x1, y1);
  }
}

function strokeOpen(g: Phaser.GameObjects.Graphics, path: { x: number; y: number }[]): void {
  g.beginPath();
  g.moveTo((path[0] as { x: number }).x, (path[0] as { y: number }).y);
  for (const p of path.slice(1)) g.lineTo(p.x, p.y);
  g.strokePath();
}

function crack(g: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number): void {
  const steps = 4;
  g.beginPath();
  g.moveTo(x0, y0);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const jitter = (i % 2 === 0 ? -1 : 1) * (i < steps ? 8 : 0);
    g.lineTo(x0 + (x1 - x0) * t + jitter, y0 + (y1 - y0) * t);
  }
  g.strokePath();
}

/** Scales a text down (never up) so it is at most `width` wide. */
function fitWidth(text: Phaser.GameObjects.Text, width: number): void {
  if (text.width > width && width > 0) text.setScale(width / text.width);
}
