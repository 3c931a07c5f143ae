/**
 * A territory (an EC2 instance): a plot of golden ground sized by its instance type, named "1b-1",
 * with a castle when the ECS agent has registered it as a container instance. The castle's flag tells
 * the lord's state: up when connected, grey with a cross when disconnected, at half-mast with a
 * drain sign when DRAINING. A pending instance is being surveyed (dashed, stakes), a stopped or
 * terminated one is greyed and ruined.
 *
 * Drawn as ONE baked texture: the ground, the castle, the labels (their text rasters painted in) and
 * the developments that stand still on it (the scene hands them over; developments that move are
 * drawn live above). A still kingdom of a hundred territories is a hundred images.
 */
import type Phaser from 'phaser';
import { T } from '../../i18n/messages.ts';
import { ART_SIZE } from '../art.ts';
import { BAKE_RESOLUTION, BakedLayer, paintText, sourceOf } from '../baked-layer.ts';
import { drawCross, drawDrainSign, drawPole } from '../banner.ts';
import { fillPoly, strokePoly } from '../draw.ts';
import { TextureKey } from '../keys.ts';
import type { TerritoryModel } from '../kingdom-model.ts';
import type { Fonts, TerritoryLayout } from '../layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from '../palette.ts';

export const TERRITORY_DEPTH = 10;

type Look = 'surveying' | 'settled' | 'closing' | 'ruined';

function lookOf(t: TerritoryModel): Look {
  switch (t.state) {
    case 'pending':
      return 'surveying';
    case 'running':
      return 'settled';
    case 'shutting-down':
    case 'stopping':
      return 'closing';
    default:
      return 'ruined';
  }
}

/** The short line under a territory's name: its kind, and its state in story words. */
export function territoryCaption(t: TerritoryModel): string {
  const caption = plainCaption(t);
  // A territory the surveyors' guild erected says so (the survey party's name).
  return t.guild ? `${caption} · guild ${t.guild}` : caption;
}

function plainCaption(t: TerritoryModel): string {
  const look = lookOf(t);
  if (look === 'surveying') return `${t.instanceType} · surveying`;
  if (look === 'closing') return `${t.instanceType} · closing`;
  if (look === 'ruined') return `${t.instanceType} · ${t.state === 'stopped' ? 'abandoned' : 'ruins'}`;
  if (!t.hasAgent) return T.t('canvas.territory.noCastle', { type: t.instanceType });
  if (!t.castle) return T.t('canvas.territory.lordArriving', { type: t.instanceType });
  if (t.castle.status === 'DRAINING') return `${t.instanceType} · draining`;
  if (!t.castle.connected) return T.t('canvas.territory.lordSilent', { type: t.instanceType });
  return t.instanceType;
}

/**
 * The fault a territory shows as a large word on a dark plate across its yard (projector-readable),
 * instead of in its small caption; null when there is none.
 */
export function territoryAlarm(t: TerritoryModel): string | null {
  const look = lookOf(t);
  if (look === 'ruined') return t.state === 'stopped' ? 'abandoned' : 'ruins';
  if (look === 'settled' && t.castle && t.castle.status !== 'DRAINING' && !t.castle.connected) {
    return 'lord silent';
  }
  return null;
}

/** Something the territory paints into its texture (a development standing still on it). */
export interface Painted {
  /** Changes whenever its look or place changes. */
  readonly signature: string;
  paint(ctx: CanvasRenderingContext2D, dx: number, dy: number): void;
}

export class TerritoryView {
  readonly container: Phaser.GameObjects.Container;
  private readonly scene: Phaser.Scene;
  /** Ground, furrows, stakes, the lord's flag, icons and usage bars: redrawn only on change. */
  private readonly layer: BakedLayer;
  /** The castle's texture, position, size and alpha (painted into the layer). */
  private castle: { key: TextureKey; x: number; y: number; size: number; alpha: number } | null = null;
  private readonly name: Phaser.GameObjects.Text;
  private readonly caption: Phaser.GameObjects.Text;
  private readonly usageLabels: Phaser.GameObjects.Text[];
  /** The fault word (abandoned, ruins, lord silent), large, on a plate across the yard. */
  private readonly alarm: Phaser.GameObjects.Text;
  private alarmPlate: { x: number; y: number; w: number; h: number } | null = null;
  private signature = '';

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.layer = new BakedLayer(scene, BAKE_RESOLUTION);
    // The labels are rasterised by Text objects that are not on the display list: their canvases are
    // painted into the layer.
    const text = (style: Phaser.Types.GameObjects.Text.TextStyle) =>
      scene.make.text({ x: 0, y: 0, text: '', style: { ...style, resolution: BAKE_RESOLUTION } }, false);
    this.name = text({ fontFamily: FONT_FAMILY, color: COLORS.textOnLight, fontStyle: 'bold' });
    this.caption = text({ fontFamily: FONT_FAMILY, color: COLORS.textOnLightSoft });
    this.usageLabels = ['cpu', 'mem'].map((label) =>
      text({ fontFamily: FONT_FAMILY, color: COLORS.textOnLightSoft }).setText(label).setOrigin(0, 0.5),
    );
    this.alarm = text({ fontFamily: FONT_FAMILY, color: '#ffffff', fontStyle: 'bold' }).setOrigin(0.5, 0.5);
    this.container = scene.add.container(0, 0, [this.layer.image]).setDepth(TERRITORY_DEPTH);
  }

  /**
   * Redraws the territory when it, its layout or the developments standing on it changed. `still`
   * are the developments to paint into the territory's texture, at their world rectangles.
   */
  update(t: TerritoryModel, l: TerritoryLayout, fonts: Fonts, still: readonly Painted[] = []): void {
    const { developments: _ignored, ...own } = t;
    const signature = JSON.stringify([own, l]) + still.map((p) => p.signature).join('|');
    if (signature === this.signature) return;
    this.signature = signature;

    const look = lookOf(t);
    const { plot } = l;
    this.container.setPosition(plot.x, plot.y);
    // Children use coordinates relative to the plot.
    const rel = (r: { x: number; y: number; w: number; h: number }) => ({
      ...r,
      x: r.x - plot.x,
      y: r.y - plot.y,
    });
    const header = rel(l.header);
    const castle = rel(l.castle);
    // The castle: present once the lord (agent) has registered; ruined when the land is lost.
    const size = castle.w;
    const hasCastle =
      t.castle !== null || (t.hasAgent && look === 'ruined') || (t.hasAgent && look === 'settled');
    this.castle = hasCastle
      ? {
          key: look === 'ruined' ? TextureKey.CastleRuin : TextureKey.Castle,
          x: castle.x,
          y: castle.y,
          size,
          alpha: t.castle === null && look === 'settled' ? 0.35 : look === 'closing' ? 0.6 : 1,
        }
      : null;

    // Labels to the right of the castle; the caption shrinks to fit.
    const textX = hasCastle
      ? castle.x + castle.w + Math.max(4, l.unit * 0.05)
      : header.x + Math.max(4, l.unit * 0.05);
    const textW = header.w - (textX - header.x);
    this.name.setText(t.name).setFontSize(fonts.territoryName(l.unit)).setPosition(textX, header.y);
    const alarm = territoryAlarm(t);
    this.caption
      .setText(alarm ? t.instanceType : territoryCaption(t))
      .setFontSize(fonts.territoryType(l.unit))
      .setPosition(textX, header.y + this.name.height * 0.92);
    this.caption.setScale(this.caption.width > textW ? textW / this.caption.width : 1);
    this.name.setScale(this.name.width > textW ? textW / this.name.width : 1);
    // The fault word: at least as large as the territory's name, on a dark plate at the yard's foot.
    this.alarmPlate = null;
    this.alarm.setVisible(alarm !== null);
    if (alarm) {
      const yard = rel(l.yard);
      this.alarm.setText(alarm).setFontSize(Math.max(14, fonts.territoryName(l.unit)));
      const maxW = Math.max(10, yard.w - 8);
      const scale = this.alarm.width + 12 > maxW ? maxW / (this.alarm.width + 12) : 1;
      this.alarm.setScale(scale);
      const w = Math.min(maxW, (this.alarm.width + 12) * scale);
      const h = this.alarm.displayHeight + 4;
      const y = Math.max(yard.y, yard.y + yard.h - h - 2);
      this.alarmPlate = { x: yard.x + (yard.w - w) / 2, y, w, h };
      this.alarm.setPosition(yard.x + yard.w / 2, y + h / 2);
    }
    // Everything that is not text or the castle is baked into one texture, with a margin for the stakes.
    const m = Math.ceil(Math.max(8, l.unit * 0.1));
    this.layer.image.setPosition(-m, -m);
    this.layer.redraw(
      plot.w + 2 * m,
      plot.h + 2 * m,
      (g) => {
        g.translateCanvas(m, m);
        const radius = Math.min(10, l.unit * 0.08);
        const fill =
          look === 'ruined' ? COLORS.ruin : look === 'surveying' ? COLORS.plotPending : COLORS.plot;
        const edge = look === 'ruined' || look === 'closing' ? COLORS.ruinEdge : COLORS.plotEdge;
        g.fillStyle(fill, look === 'surveying' ? 0.7 : 1);
        g.fillRoundedRect(0, 0, plot.w, plot.h, radius);
        if (look === 'closing') {
          g.fillStyle(COLORS.ruin, 0.45);
          g.fillRoundedRect(0, 0, plot.w, plot.h, radius);
        }
        // Furrows in the yard.
        const yard = rel(l.yard);
        g.lineStyle(Math.max(1, l.unit * 0.012), edge, look === 'surveying' ? 0.12 : 0.18);
        for (let i = 1; i <= 3; i++) {
          const y = yard.y + (yard.h * i) / 4;
          g.lineBetween(yard.x + 4, y, yard.x + yard.w - 4, y);
        }
        const border = Math.max(2, l.unit * 0.025);
        if (look === 'surveying') {
          g.lineStyle(border, edge, 1);
          dashedRect(g, 0, 0, plot.w, plot.h, Math.max(6, l.unit * 0.08));
          this.drawStakes(g, plot.w, plot.h, l.unit);
        } else {
          g.lineStyle(border, edge, 1);
          g.strokeRoundedRect(0, 0, plot.w, plot.h, radius);
        }
        this.drawFlag(g, t, castle, look);
        this.drawUsage(
          g,
          t,
          look,
          textX,
          header.y + this.name.height * 0.92 + this.caption.displayHeight + 2,
          textW,
          header,
        );
      },
      (ctx) => {
        ctx.translate(m, m);
        const c = this.castle;
        const src = c ? sourceOf(this.scene, c.key) : null;
        if (c && src) {
          ctx.globalAlpha = c.alpha;
          ctx.drawImage(src, c.x, c.y, c.size, c.size);
          ctx.globalAlpha = 1;
        }
        paintText(ctx, this.name);
        paintText(ctx, this.caption);
        for (const label of this.usageLabels) paintText(ctx, label);
        for (const p of still) p.paint(ctx, -plot.x, -plot.y);
        const plate = this.alarmPlate;
        if (plate) {
          ctx.fillStyle = 'rgba(20, 14, 6, 0.88)';
          ctx.beginPath();
          ctx.roundRect(plate.x, plate.y, plate.w, plate.h, Math.min(6, plate.h / 3));
          ctx.fill();
          paintText(ctx, this.alarm);
        }
      },
    );
  }

  private drawStakes(g: Phaser.GameObjects.Graphics, w: number, h: number, unit: number): void {
    const s = Math.max(6, unit * 0.09);
    for (const [x, y] of [
      [s * 0.6, s * 0.6],
      [w - s * 0.6, s * 0.6],
      [s * 0.6, h - s * 0.6],
      [w - s * 0.6, h - s * 0.6],
    ] as const) {
      g.lineStyle(Math.max(2, s * 0.22), 0x5b3a1a, 1);
      g.lineBetween(x, y + s * 0.5, x, y - s * 0.9);
      g.fillStyle(OKABE_ITO.vermillion, 1);
      g.fillTriangle(x, y - s * 0.9, x + s * 0.8, y - s * 0.6, x, y - s * 0.3);
    }
  }

  /** The lord's flag over the left tower. */
  private drawFlag(
    g: Phaser.GameObjects.Graphics,
    t: TerritoryModel,
    castle: { x: number; y: number; w: number; h: number },
    look: Look,
  ): void {
    if (!t.castle || look === 'ruined') return;
    const s = castle.w / ART_SIZE;
    const poleX = castle.x + 23 * s;
    const towerTop = castle.y + 31 * s;
    const top = castle.y + 1 * s;
    const flagW = 30 * s;
    const flagH = 16 * s;
    const draining = t.castle.status === 'DRAINING';
    const connected = t.castle.connected;
    drawPole(g, poleX, top, towerTop, 3 * s);
    const y = draining ? top + 12 * s : top + 2 * s;
    if (connected) {
      const pts = [
        { x: poleX, y },
        { x: poleX + flagW, y: y + flagH / 2 },
        { x: poleX, y: y + flagH },
      ];
      g.fillStyle(COLORS.castleFlag, 1);
      fillPoly(g, pts);
      g.lineStyle(Math.max(1, 2 * s), 0x1c1408, 1);
      strokePoly(g, pts);
    } else {
      this.limpFlag(g, poleX, y, flagW, flagH);
    }
    const icon = Math.max(5, 17 * s);
    if (!connected) drawCross(g, castle.x + castle.w - icon, castle.y + icon * 1.05, icon);
    else if (draining) drawDrainSign(g, castle.x + castle.w - icon, castle.y + icon * 1.05, icon);
  }

  private limpFlag(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number): void {
    const pts = [
      { x, y },
      { x: x + w * 0.32, y: y + h * 0.4 },
      { x: x + w * 0.24, y: y + h * 1.6 },
      { x, y: y + h * 1.4 },
    ];
    g.fillStyle(COLORS.disconnected, 1);
    fillPoly(g, pts);
    g.lineStyle(Math.max(1, w * 0.06), 0x1c1408, 1);
    strokePoly(g, pts);
  }

  /** Two thin bars, labelled: the share of registered CPU and memory that developments hold. */
  private drawUsage(
    g: Phaser.GameObjects.Graphics,
    t: TerritoryModel,
    look: Look,
    x: number,
    y: number,
    w: number,
    header: { x: number; y: number; w: number; h: number },
  ): void {
    const room = header.y + header.h - y;
    // Two rows, each as tall as its label: the labels never overlap (a text line is ~1.25 its size).
    // Too little room for legible labels: the two bars alone (their colours still tell them apart).
    const labelSize = Math.min(14, Math.floor(room / 2 / 1.25));
    const labelled = labelSize >= 7;
    const show = look === 'settled' && t.cpuUsed !== null && t.memoryUsed !== null && room >= 7;
    for (const label of this.usageLabels) label.setVisible(show && labelled);
    if (!show) return;
    for (const label of this.usageLabels) label.setFontSize(Math.max(7, labelSize));
    const pitch = labelled
      ? Math.max(...this.usageLabels.map((label) => label.height)) + 1
      : Math.min(room / 2, 14);
    const barH = Math.max(3, Math.min(10, pitch * 0.6));
    const labelW = labelled ? Math.max(...this.usageLabels.map((label) => label.width)) + 4 : 0;
    const bars: [number, number][] = [
      [t.cpuUsed ?? 0, OKABE_ITO.blue],
      [t.memoryUsed ?? 0, OKABE_ITO.bluishGreen],
    ];
    bars.forEach(([used, color], i) => {
      const rowY = y + i * pitch;
      const by = rowY + (pitch - barH) / 2;
      (this.usageLabels[i] as Phaser.GameObjects.Text).setPosition(x, rowY + pitch / 2);
      const bx = x + labelW;
      const bw = Math.max(4, w - labelW);
      g.fillStyle(0x000000, 0.16);
      g.fillRect(bx, by, bw, barH);
      g.fillStyle(color, 1);
      g.fillRect(bx, by, bw * used, barH);
      g.lineStyle(1, 0x000000, 0.45);
      g.strokeRect(bx, by, bw, barH);
    });
  }

  destroy(): void {
    this.container.destroy(true);
    this.layer.destroy();
    this.name.destroy();
    this.caption.destroy();
    this.alarm.destroy();
    for (const label of this.usageLabels) label.destroy();
  }
}

function dashedRect(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  w: number,
  h: number,
  dash: number,
): void {
  const edges: [number, number, number, number][] = [
    [x, y, x + w, y],
    [x + w, y, x + w, y + h],
    [x + w, y + h, x, y + h],
    [x, y + h, x, y],
  ];
  for (const [x0, y0, x1, y1] of edges) {
    const len = Math.hypot(x1 - x0, y1 - y0);
    const n = Math.max(1, Math.floor(len / (dash * 2)));
    for (let i = 0; i < n; i++) {
      const a = (i * 2 * dash) / len;
      const b = Math.min(1, (i * 2 * dash + dash) / len);
      g.lineBetween(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b);
    }
  }
}
