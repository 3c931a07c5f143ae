/**
 * A watchtower (a CloudWatch alarm) beside the gate: a stone tower whose beacon is lit (vermillion,
 * a flame) in ALARM, dark with a tick in OK, grey with a question mark in INSUFFICIENT_DATA; its name
 * and state word beneath. Baked; redrawn when the alarm's state, the layout or the names change.
 * When an alarm goes to ALARM (the 'alarm/stateChanged' event) the beacon flares once.
 */
import type Phaser from 'phaser';
import { BAKE_RESOLUTION, BakedLayer, paintText } from '../baked-layer.ts';
import { fillPoly } from '../draw.ts';
import type { GateFonts } from '../gate-layout.ts';
import type { WatchtowerModel } from '../gate-model.ts';
import type { GateWords } from '../gate-words.ts';
import { drawBeaconFlame, drawQuestion, drawTick } from '../herald.ts';
import type { Rect } from '../layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

const STONE = 0xb9bec6;
const STONE_SHADE = 0x8e949d;
const INK = 0x1c1408;

export class WatchtowerView {
  private readonly scene: Phaser.Scene;
  private readonly layer: BakedLayer;
  private readonly flare: Phaser.GameObjects.Graphics;
  private readonly name: Phaser.GameObjects.Text;
  private readonly state: Phaser.GameObjects.Text;
  private signature = '';
  private beaconAt = { x: 0, y: 0, r: 10 };

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    this.layer = new BakedLayer(scene, BAKE_RESOLUTION);
    this.layer.image.setDepth(depth);
    this.flare = scene.add
      .graphics()
      .setDepth(depth + 1)
      .setVisible(false);
    const text = (bold: boolean, color: string) =>
      scene.make.text(
        {
          x: 0,
          y: 0,
          text: '',
          style: {
            fontFamily: FONT_FAMILY,
            color,
            fontStyle: bold ? 'bold' : 'normal',
            resolution: BAKE_RESOLUTION,
          },
        },
        false,
      );
    this.name = text(true, COLORS.textOnDark).setOrigin(0.5, 0);
    this.state = text(false, COLORS.textOnDarkSoft).setOrigin(0.5, 0);
  }

  update(t: WatchtowerModel, r: Rect, fonts: GateFonts, words: GateWords): void {
    const signature = JSON.stringify([t, r, fonts, words.beacon(t)]);
    if (signature === this.signature) return;
    this.signature = signature;
    const nameH = fonts.label * 1.25;
    const stateH = fonts.small * 1.25;
    this.name
      .setFontSize(fonts.label)
      .setText(t.name)
      .setScale(1)
      .setPosition(r.x + r.w / 2, r.y + r.h - nameH - stateH);
    if (this.name.width > r.w - 6) this.name.setScale((r.w - 6) / this.name.width);
    this.state
      .setFontSize(fonts.small)
      .setText(words.beacon(t))
      .setScale(1)
      .setPosition(r.x + r.w / 2, r.y + r.h - stateH);
    if (this.state.width > r.w - 6) this.state.setScale((r.w - 6) / this.state.width);
    const towerBottom = r.y + r.h - nameH - stateH - 4;
    const m = 8;
    const ox = Math.floor(r.x - m);
    const oy = Math.floor(r.y - m);
    this.layer.image.setPosition(ox, oy);
    this.layer.redraw(
      r.w + 2 * m,
      r.h + 2 * m,
      (g) => {
        g.translateCanvas(-ox, -oy);
        this.drawTower(g, t, r, towerBottom);
      },
      (ctx) => {
        ctx.translate(-ox, -oy);
        paintText(ctx, this.name);
        paintText(ctx, this.state);
      },
    );
  }

  private drawTower(g: Phaser.GameObjects.Graphics, t: WatchtowerModel, r: Rect, bottom: number): void {
    const cx = r.x + r.w / 2;
    const topY = r.y + Math.max(26, (bottom - r.y) * 0.34);
    const baseW = Math.min(r.w * 0.5, 60);
    const topW = baseW * 0.74;
    const body = [
      { x: cx - topW / 2, y: topY },
      { x: cx + topW / 2, y: topY },
      { x: cx + baseW / 2, y: bottom },
      { x: cx - baseW / 2, y: bottom },
    ];
    g.fillStyle(STONE, 1);
    fillPoly(g, body);
    g.lineStyle(1, STONE_SHADE, 1);
    for (let y = topY + 10; y < bottom - 3; y += 10)
      g.lineBetween(cx - topW / 2 + 2, y, cx + topW / 2 - 2, y);
    g.lineStyle(3, INK, 1);
    g.strokePoints(body as Phaser.Math.Vector2[], true);
    // A window, and the platform with its brazier.
    g.fillStyle(INK, 1);
    g.fillRoundedRect(cx - 4, topY + (bottom - topY) * 0.35, 8, 14, { tl: 4, tr: 4, bl: 0, br: 0 });
    const platW = topW * 1.3;
    g.fillStyle(STONE_SHADE, 1);
    g.fillRect(cx - platW / 2, topY - 8, platW, 8);
    g.lineStyle(2, INK, 1);
    g.strokeRect(cx - platW / 2, topY - 8, platW, 8);
    const room = topY - 8 - r.y;
    const rad = Math.max(9, Math.min(room * 0.42, r.w * 0.22, 20));
    const by = topY - 8 - rad - 2;
    this.beaconAt = { x: cx, y: by, r: rad };
    if (t.beacon === 'lit') {
      g.fillStyle(OKABE_ITO.vermillion, 0.35);
      g.fillCircle(cx, by, rad * 1.6);
      drawBeaconFlame(g, cx, topY - 8, rad * 2.1);
    } else if (t.beacon === 'dark') {
      // An unlit brazier with the tick of all being well.
      g.fillStyle(0x4b5059, 1);
      g.fillRect(cx - rad * 0.9, topY - 8 - rad * 0.5, rad * 1.8, rad * 0.5);
      drawTick(g, cx, by - rad * 0.2, rad * 0.8);
    } else {
      drawQuestion(g, cx, by, rad * 0.9);
    }
  }

  /** The beacon flares: the horn of rollback is near (played from 'alarm/stateChanged' to ALARM). */
  flareUp(animate: boolean): void {
    const g = this.flare;
    const { x, y, r } = this.beaconAt;
    this.scene.tweens.killTweensOf(g);
    g.clear();
    if (!animate) {
      g.setVisible(false);
      return;
    }
    g.fillStyle(OKABE_ITO.vermillion, 0.55);
    g.fillCircle(0, 0, r * 1.4);
    g.fillStyle(OKABE_ITO.yellow, 0.7);
    g.fillCircle(0, 0, r * 0.7);
    g.setPosition(x, y).setVisible(true).setScale(0.5).setAlpha(1);
    this.scene.tweens.add({
      targets: g,
      scale: 3,
      alpha: 0,
      duration: 1100,
      repeat: 1,
      ease: 'Cubic.easeOut',
      onComplete: () => g.setVisible(false),
    });
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.flare);
    this.layer.destroy();
    this.flare.destroy();
    this.name.destroy();
    this.state.destroy();
  }
}
