/**
 * The horn of rollback: a big banner across the gate band that nobody misses, played once from a
 * rollback event ('deployment/rolledBack', 'codedeploy/rolledBack', 'alias/deploymentRolledBack').
 * A vermillion cloth with a horn icon, the words in large white letters, and the reason (and the
 * step it came at) beneath. It shows for a few seconds: it blows in and fades (or, with reduced
 * motion, simply shows and goes).
 */
import type Phaser from 'phaser';
import { fillPoly } from '../draw.ts';
import type { Rect } from '../layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

export const HORN_DEPTH = 90;
export const HORN_MS = 4500;
const INK = 0x1c1408;

export class HornView {
  private readonly scene: Phaser.Scene;
  private readonly container: Phaser.GameObjects.Container;
  private readonly cloth: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly reason: Phaser.GameObjects.Text;
  private timer: Phaser.Time.TimerEvent | null = null;
  private showing = false;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.cloth = scene.add.graphics();
    this.title = scene.add
      .text(0, 0, '', { fontFamily: FONT_FAMILY, color: '#ffffff', fontStyle: 'bold', resolution: 2 })
      .setOrigin(0.5, 0.5);
    this.reason = scene.add
      .text(0, 0, '', { fontFamily: FONT_FAMILY, color: '#fff3c4', resolution: 2, align: 'center' })
      .setOrigin(0.5, 0.5);
    this.container = scene.add
      .container(0, 0, [this.cloth, this.title, this.reason])
      .setDepth(HORN_DEPTH)
      .setVisible(false);
  }

  get visible(): boolean {
    return this.showing;
  }

  get text(): string {
    return this.showing ? `${this.title.text}\n${this.reason.text}` : '';
  }

  /** Blows the horn over `area` (world coordinates): title in big letters, the reason beneath. */
  play(area: Rect, title: string, reason: string, animate: boolean): void {
    const w = Math.max(300, area.w * 0.92);
    const h = Math.max(100, Math.min(area.h * 0.85, 190));
    const cx = area.x + area.w / 2;
    const cy = area.y + area.h / 2;
    const g = this.cloth;
    g.clear();
    const notch = h * 0.28;
    const pts = [
      { x: -w / 2, y: -h / 2 },
      { x: w / 2, y: -h / 2 },
      { x: w / 2 - notch, y: 0 },
      { x: w / 2, y: h / 2 },
      { x: -w / 2, y: h / 2 },
      { x: -w / 2 + notch, y: 0 },
    ];
    g.fillStyle(0x000000, 0.45);
    fillPoly(
      g,
      pts.map((p) => ({ x: p.x + 6, y: p.y + 8 })),
    );
    g.fillStyle(COLORS.alarm, 1);
    fillPoly(g, pts);
    g.lineStyle(5, INK, 1);
    g.strokePoints(pts as Phaser.Math.Vector2[], true);
    g.lineStyle(2, OKABE_ITO.yellow, 1);
    g.strokeRect(-w / 2 + notch + 6, -h / 2 + 8, w - 2 * notch - 12, h - 16);
    // The horns at both ends, the words between them.
    const hs = h * 0.26;
    // Pointing outwards: their sound goes out to the kingdom.
    drawHorn(g, -w / 2 + notch + hs * 1.6, -h * 0.05, hs, -1);
    drawHorn(g, w / 2 - notch - hs * 1.6, -h * 0.05, hs, 1);
    const textW = w - 2 * notch - hs * 5.4;
    this.title
      .setFontSize(Math.round(h * 0.27))
      .setText(title)
      .setScale(1)
      .setPosition(0, -h * 0.17);
    if (this.title.width > textW) this.title.setScale(textW / this.title.width);
    this.reason
      .setFontSize(Math.round(Math.max(14, h * 0.115)))
      .setWordWrapWidth(textW)
      .setText(reason)
      .setScale(1)
      .setPosition(0, h * 0.2);
    if (this.reason.height > h * 0.42) this.reason.setScale((h * 0.42) / this.reason.height);
    this.container.setPosition(cx, cy).setVisible(true).setAlpha(1).setScale(1);
    this.showing = true;
    const tweens = this.scene.tweens;
    tweens.killTweensOf(this.container);
    this.timer?.remove(false);
    if (animate) {
      this.container.setScale(0.3).setAlpha(0);
      tweens.add({ targets: this.container, scale: 1, alpha: 1, duration: 420, ease: 'Back.easeOut' });
      tweens.add({
        targets: this.container,
        alpha: 0,
        delay: HORN_MS - 700,
        duration: 700,
        onComplete: () => this.hide(),
      });
      return;
    }
    this.timer = this.scene.time.delayedCall(HORN_MS, () => this.hide());
  }

  private hide(): void {
    this.showing = false;
    this.container.setVisible(false);
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.container);
    this.timer?.remove(false);
    this.container.destroy(true);
  }
}

function drawHorn(g: Phaser.GameObjects.Graphics, cx: number, cy: number, s: number, dir: 1 | -1): void {
  const pts = [
    { x: cx - dir * s * 0.9, y: cy + s * 0.15 },
    { x: cx - dir * s * 0.2, y: cy + s * 0.05 },
    { x: cx + dir * s * 0.55, y: cy - s * 0.55 },
    { x: cx + dir * s * 0.85, y: cy - s * 0.2 },
    { x: cx + dir * s * 0.2, y: cy + s * 0.45 },
    { x: cx - dir * s * 0.9, y: cy + s * 0.35 },
  ];
  g.fillStyle(OKABE_ITO.yellow, 1);
  fillPoly(g, pts);
  g.lineStyle(3, INK, 1);
  g.strokePoints(pts as Phaser.Math.Vector2[], true);
  // Sound lines from the bell.
  g.lineStyle(3, 0xffffff, 1);
  for (const k of [0.25, 0.55]) {
    g.beginPath();
    g.arc(
      cx + dir * s * 0.7,
      cy - s * 0.38,
      s * (0.45 + k),
      dir > 0 ? -Math.PI * 0.45 : Math.PI * 0.55,
      dir > 0 ? Math.PI * 0.05 : Math.PI * 1.05,
    );
    g.strokePath();
  }
}
