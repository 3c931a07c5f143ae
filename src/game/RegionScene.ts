/**
 * A region: the portals to its Availability Zones side by side (1a, 1b, 1c), each with a glimpse of
 * its land (a castle per territory, up to a dozen) and its counts. A zone gone dark shows a grey,
 * cracked portal with a lightning bolt; when a zone fails while the player looks, the portal shakes
 * and darkens (played once from the event stream). Clicking a portal (or Enter on the focused one;
 * arrows move the focus) steps through it: store.goTo({ scene: 'kingdom', zone }). Escape goes back
 * to the planet. Redrawn only when the model or the size changes.
 */
import Phaser from 'phaser';
import { T } from '../i18n/messages.ts';
import type { GameStore } from '../store/create-game-store.ts';
import { ART_SIZE } from './art.ts';
import { BakedLayer } from './baked-layer.ts';
import { drawBolt } from './banner.ts';
import { drawStars, fillPoly } from './draw.ts';
import { EventCursor } from './event-cursor.ts';
import { Gestures } from './gestures.ts';
import { onCanvasKeys } from './keyboard.ts';
import { SceneKey, TextureKey } from './keys.ts';
import { countsParts, kingdomModel, type ZoneModel } from './kingdom-model.ts';
import type { Rect } from './layout.ts';
import { reducedMotion } from './motion.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from './palette.ts';
import { regionTitle } from './places.ts';

export const ZONE_LINE = T.t('canvas.zoneLine');

export interface RegionSnapshot {
  width: number;
  height: number;
  region: string;
  portals: { zone: string; code: string; impaired: boolean; bounds: Rect }[];
  focused: string;
  collapsesPlayed: number;
  settled: boolean;
}

const PLATE = 0x0b1426;
const MAX_CASTLES = 12;

interface Portal {
  zone: ZoneModel;
  bounds: Rect;
  /** The darkness of a dark zone (its alpha fades in when the zone collapses). */
  shade: Phaser.GameObjects.Graphics;
}

export class RegionScene extends Phaser.Scene {
  private readonly store: GameStore;
  private readonly fixedRegion: string | undefined;
  private region = '';
  private baked: BakedLayer | null = null;
  private ring: Phaser.GameObjects.Graphics | null = null;
  private hover: Phaser.GameObjects.Graphics | null = null;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private portals: Portal[] = [];
  /** Each zone's darkness, kept across redraws so a collapse keeps fading in while the model moves. */
  private readonly shades = new Map<string, Phaser.GameObjects.Graphics>();
  private cursor: EventCursor | null = null;
  private unsubscribers: (() => void)[] = [];
  private dirty = true;
  private focus = 0;
  private showFocus = false;
  private hovered = -1;
  private collapses = 0;
  private signature = '';

  constructor(store: GameStore, region?: string) {
    super({ key: SceneKey.Region });
    this.store = store;
    this.fixedRegion = region;
  }

  create(): void {
    // The player's region when the scene starts (the planet sets it), unless the scene was made for one.
    this.region = this.fixedRegion ?? this.store.getState().ui.region;
    this.dirty = true;
    this.signature = '';
    this.collapses = 0;
    this.hovered = -1;
    this.showFocus = false;
    const place = this.store.getState().ui.place;
    this.focus = 0;
    this.baked = new BakedLayer(this);
    this.baked.image.setDepth(0);
    this.hover = this.add.graphics().setDepth(5);
    this.ring = this.add.graphics().setDepth(6);
    this.cursor = new EventCursor(this.store);
    const markDirty = () => {
      this.dirty = true;
    };
    this.unsubscribers = [
      this.store.subscribe((s) => s.sim.instances, markDirty),
      this.store.subscribe((s) => s.sim.containerInstances, markDirty),
      this.store.subscribe((s) => s.sim.tasks, markDirty),
      this.store.subscribe((s) => s.sim.impairedZones, markDirty),
      this.store.subscribe((s) => s.generation, markDirty),
    ];
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      const i = this.portalAt(p.x, p.y);
      if (i === this.hovered) return;
      this.hovered = i;
      this.input.setDefaultCursor(i >= 0 ? 'pointer' : 'default');
      this.drawHover();
    });
    // A tap (or a click) steps through a portal; a finger that slides or pinches does not.
    new Gestures(this, {
      tap: (x, y) => {
        const i = this.portalAt(x, y);
        if (i >= 0) this.enter(i);
      },
    });
    onCanvasKeys(this, (e) => {
      const n = this.portals.length;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (n === 0) return false;
        this.focus = (this.focus + (e.key === 'ArrowRight' ? 1 : -1) + n) % n;
        this.showFocus = true;
        this.drawRing();
        return true;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        this.enter(this.focus);
        return true;
      }
      if (e.key === 'Escape') {
        this.store.getState().goTo({ scene: 'planet' });
        return true;
      }
      return false;
    });
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.redraw();
    if (place.scene === 'kingdom' && place.zone) {
      this.focus = Math.max(
        0,
        this.portals.findIndex((p) => p.zone.name === place.zone),
      );
    }
  }

  override update(): void {
    if (this.dirty) this.redraw();
    for (const e of this.cursor?.take() ?? []) {
      if (e.type !== 'zone/failed') continue;
      const portal = this.portals.find((p) => p.zone.name === e.data.availabilityZone);
      if (!portal) continue;
      this.collapses++;
      if (!reducedMotion()) {
        this.tweens.killTweensOf(portal.shade);
        portal.shade.setAlpha(0);
        this.tweens.add({ targets: portal.shade, alpha: 1, duration: 1100, ease: 'Quad.easeIn' });
        this.cameras.main.shake(360, 0.006);
      }
    }
  }

  private onResize(): void {
    this.dirty = true;
  }

  isSettled(): boolean {
    return !this.dirty && this.tweens.getTweens().length === 0;
  }

  snapshot(): RegionSnapshot {
    return {
      width: this.scale.width,
      height: this.scale.height,
      region: this.region,
      portals: this.portals.map((p) => ({
        zone: p.zone.name,
        code: p.zone.code,
        impaired: p.zone.impaired,
        bounds: { ...p.bounds },
      })),
      focused: this.portals[this.focus]?.zone.name ?? '',
      collapsesPlayed: this.collapses,
      settled: this.isSettled(),
    };
  }

  private enter(i: number): void {
    const portal = this.portals[i];
    if (portal) this.store.getState().goTo({ scene: 'kingdom', zone: portal.zone.name });
  }

  private portalAt(x: number, y: number): number {
    return this.portals.findIndex(
      (p) =>
        x >= p.bounds.x && x <= p.bounds.x + p.bounds.w && y >= p.bounds.y && y <= p.bounds.y + p.bounds.h,
    );
  }

  private redraw(): void {
    this.dirty = false;
    const { width, height } = this.scale;
    const sim = this.store.getState().sim;
    const zones = kingdomModel(sim, this.region);
    // Only what the portals show: a task changing state inside a zone is not redrawn for.
    const signature = JSON.stringify([
      width,
      height,
      zones.map((z) => [
        z.name,
        z.impaired,
        z.counts,
        z.territories
          .filter((t) => t.state !== 'terminated')
          .map((t) => [t.state, t.castle !== null, t.hasAgent]),
      ]),
    ]);
    if (signature === this.signature) return;
    this.signature = signature;
    for (const o of this.objects) o.destroy();
    this.objects = [];
    const text = (s: string, size: number, color: string, bold = false) => {
      const t = this.add
        .text(0, 0, s, {
          fontFamily: FONT_FAMILY,
          fontSize: `${Math.round(size)}px`,
          color,
          fontStyle: bold ? 'bold' : '',
        })
        .setDepth(3);
      this.objects.push(t);
      return t;
    };

    // Title.
    // Wrapped to the view: a phone's narrow canvas shows every word.
    const titleSize = Math.max(24, Math.min(44, height * 0.06));
    const title = text(`${this.region} · ${regionTitle(this.region)}`, titleSize, '#ffffff', true)
      .setWordWrapWidth(width - 48)
      .setPosition(24, 16);
    const subtitle = text(T.t('canvas.choosePortal'), Math.max(14, titleSize * 0.42), COLORS.textOnDarkSoft)
      .setWordWrapWidth(width - 48)
      .setPosition(26, 16 + Math.max(titleSize * 1.25, title.height + 2));

    // The line on what a zone is, at the bottom.
    const lineSize = Math.max(14, Math.min(21, height * 0.028));
    const line = text(ZONE_LINE, lineSize, '#ffffff')
      .setWordWrapWidth(Math.min(width - 48, 1100))
      .setAlign('center')
      .setOrigin(0.5, 1)
      .setPosition(width / 2, height - 14);
    const lb = line.getBounds();

    // The portals, side by side between the title and the line.
    const top = subtitle.y + Math.max(titleSize * 0.42 * 1.6, subtitle.height) + 16;
    const bottom = lb.y - 22;
    const n = Math.max(1, zones.length);
    const gap = Math.max(16, width * 0.03);
    const pw = Math.min(320, (width - 48 - gap * (n - 1)) / n);
    const ph = Math.max(140, Math.min(bottom - top, pw * 1.55));
    const x0 = (width - (pw * n + gap * (n - 1))) / 2;
    const y0 = top + Math.max(0, (bottom - top - ph) / 2);
    this.portals = zones.map((zone, i) => {
      const bounds = { x: x0 + i * (pw + gap), y: y0, w: pw, h: ph };
      let shade = this.shades.get(zone.name);
      if (!shade) {
        shade = this.add.graphics().setDepth(2);
        this.shades.set(zone.name, shade);
      }
      return { zone, bounds, shade };
    });

    const baked = this.baked;
    if (baked) {
      baked.image.setPosition(0, 0);
      baked.redraw(width, height, (g) => {
        drawStars(g, { x: 0, y: 0, w: width, h: height }, COLORS.star, 23);
        g.fillStyle(PLATE, 0.78);
        g.fillRoundedRect(lb.x - 12, lb.y - 8, lb.width + 24, lb.height + 14, 8);
        for (const p of this.portals) this.drawPortal(g, p);
      });
    }
    for (const p of this.portals) this.decoratePortal(p, text);
    if (this.focus >= this.portals.length) this.focus = 0;
    this.drawHover();
    this.drawRing();
  }

  /** The arch, its crown and its land (baked: they change only with the model). */
  private drawPortal(g: Phaser.GameObjects.Graphics, p: Portal): void {
    const { x, y, w, h } = p.bounds;
    const dark = p.zone.impaired;
    const stroke = Math.max(6, w * 0.045);
    const r = w * 0.42;
    g.lineStyle(stroke, dark ? COLORS.portalDark : COLORS.portal, 1);
    g.strokeRoundedRect(x + stroke / 2, y + stroke / 2, w - stroke, h - stroke, {
      tl: r,
      tr: r,
      bl: 10,
      br: 10,
    });
    g.fillStyle(COLORS.crown, 1);
    g.fillRoundedRect(x + stroke, y + stroke, w - 2 * stroke, h - 2 * stroke, {
      tl: r - stroke,
      tr: r - stroke,
      bl: 6,
      br: 6,
    });
    // The keystone.
    const kx = x + w / 2;
    const kw = stroke * 2.4;
    g.fillStyle(dark ? 0x6b7585 : COLORS.portalGlow, 1);
    fillPoly(g, [
      { x: kx - kw * 0.7, y: y - stroke * 0.2 },
      { x: kx + kw * 0.7, y: y - stroke * 0.2 },
      { x: kx + kw * 0.45, y: y + stroke * 1.4 },
      { x: kx - kw * 0.45, y: y + stroke * 1.4 },
    ]);
    // The land seen through the portal.
    const land = this.landOf(p);
    g.fillStyle(COLORS.ground, 1);
    g.fillRoundedRect(land.x, land.y, land.w, land.h, 10);
    // Dunes.
    g.lineStyle(Math.max(2, land.w * 0.012), OKABE_ITO.yellow, 0.45);
    for (const [fy, phase] of [
      [0.3, 0.4],
      [0.55, 1.9],
      [0.8, 3.1],
    ] as const) {
      g.beginPath();
      for (let i = 0; i <= 24; i++) {
        const px = land.x + 10 + ((land.w - 20) * i) / 24;
        const py = land.y + land.h * fy + Math.sin((i / 24) * Math.PI * 3 + phase) * land.h * 0.025;
        if (i === 0) g.moveTo(px, py);
        else g.lineTo(px, py);
      }
      g.strokePath();
    }
    g.lineStyle(2, COLORS.groundEdge, 1);
    g.strokeRoundedRect(land.x, land.y, land.w, land.h, 10);
    g.lineStyle(2, dark ? 0x6b7585 : COLORS.portalGlow, 0.9);
    g.strokeRoundedRect(x + stroke, y + stroke, w - 2 * stroke, h - 2 * stroke, {
      tl: r - stroke,
      tr: r - stroke,
      bl: 6,
      br: 6,
    });
  }

  private landOf(p: Portal): Rect {
    const { x, y, w, h } = p.bounds;
    const stroke = Math.max(6, w * 0.045);
    const landTop = y + h * 0.4;
    return { x: x + stroke * 2, y: landTop, w: w - stroke * 4, h: y + h - stroke * 2 - landTop };
  }

  /** Labels, castles and the dark look (live objects: the texts and icons). */
  private decoratePortal(
    p: Portal,
    text: (s: string, size: number, color: string, bold?: boolean) => Phaser.GameObjects.Text,
  ): void {
    const { x, y, w, h } = p.bounds;
    const zone = p.zone;
    const codeSize = Math.max(28, Math.min(72, w * 0.24));
    text(zone.code, codeSize, '#ffffff', true)
      .setOrigin(0.5, 0)
      .setPosition(x + w / 2, y + h * 0.1);
    const name = text(zone.name, Math.max(13, Math.min(20, w * 0.062)), COLORS.textOnDarkSoft)
      .setOrigin(0.5, 0)
      .setPosition(x + w / 2, y + h * 0.1 + codeSize * 1.12);
    // Six portals on a phone: the zone's full name does not fit, its code above says it.
    name.setVisible(name.width <= w - 8);

    // A castle per territory (up to a dozen), on the land.
    const land = this.landOf(p);
    const standing = zone.territories.filter((t) => t.state !== 'terminated');
    const shown = Math.min(MAX_CASTLES, standing.length);
    const cols = Math.min(4, Math.max(1, shown));
    const rows = Math.max(1, Math.ceil(shown / cols));
    const countsH = Math.max(16, Math.min(22, w * 0.06)) * 2.6;
    const cell = Math.min((land.w - 16) / cols, (land.h - countsH - 12) / rows, 64);
    standing.slice(0, shown).forEach((t, i) => {
      const c = i % cols;
      const r = Math.floor(i / cols);
      const img = this.add
        .image(
          land.x + (land.w - cols * cell) / 2 + c * cell,
          land.y + 8 + r * cell,
          t.castle || t.hasAgent ? TextureKey.Castle : TextureKey.HouseStopped,
        )
        .setOrigin(0, 0)
        .setScale((cell * 0.92) / ART_SIZE)
        .setDepth(1)
        .setAlpha(t.state === 'running' ? 1 : 0.55);
      this.objects.push(img);
    });
    const parts = countsParts(zone);
    if (standing.length > shown) parts[0] = T.t('canvas.shown', { text: parts[0] ?? '', count: shown });
    const counts = text(
      standing.length === 0 ? T.t('canvas.noTerritories') : parts.join('\n'),
      Math.max(13, Math.min(19, w * 0.055)),
      COLORS.textOnLight,
      true,
    )
      .setOrigin(0.5, 1)
      .setAlign('center')
      .setPosition(x + w / 2, land.y + land.h - 6);
    if (counts.width > land.w - 8) counts.setScale((land.w - 8) / counts.width);

    // A dark zone: shadow, cracks, the bolt and its words.
    const g = p.shade;
    g.clear();
    if (!zone.impaired) return;
    g.fillStyle(COLORS.dark, 0.62);
    g.fillRoundedRect(x + 4, y + 4, w - 8, h - 8, { tl: w * 0.4, tr: w * 0.4, bl: 8, br: 8 });
    g.lineStyle(Math.max(3, w * 0.015), COLORS.alarm, 1);
    for (const [fx0, fx1] of [
      [0.22, 0.34],
      [0.8, 0.68],
    ] as const) {
      g.beginPath();
      g.moveTo(x + w * fx0, y + h * 0.04);
      g.lineTo(x + w * (fx0 + (fx1 - fx0) * 0.4) + 7, y + h * 0.12);
      g.lineTo(x + w * (fx0 + (fx1 - fx0) * 0.7) - 7, y + h * 0.2);
      g.lineTo(x + w * fx1, y + h * 0.3);
      g.strokePath();
    }
    const br = Math.min(w, h) * 0.13;
    drawBolt(g, x + w / 2, y + h * 0.5, br);
    const darkWords = text('zone dark', Math.max(16, br * 0.6), '#ffffff', true)
      .setOrigin(0.5, 0)
      .setPosition(x + w / 2, y + h * 0.5 + br * 1.15);
    darkWords.setDepth(2.5).setAlpha(g.alpha);
    if (g.alpha < 1) this.tweens.add({ targets: darkWords, alpha: 1, duration: 1100 * (1 - g.alpha) });
  }

  private drawHover(): void {
    const g = this.hover;
    if (!g) return;
    g.clear();
    const p = this.portals[this.hovered];
    if (!p) return;
    const { x, y, w, h } = p.bounds;
    g.lineStyle(4, OKABE_ITO.yellow, 0.9);
    g.strokeRoundedRect(x - 6, y - 6, w + 12, h + 12, { tl: w * 0.45, tr: w * 0.45, bl: 14, br: 14 });
  }

  /** The keyboard focus: a dashed white outline around the focused portal (after a key was pressed). */
  private drawRing(): void {
    const g = this.ring;
    if (!g) return;
    g.clear();
    const p = this.portals[this.focus];
    if (!p || !this.showFocus) return;
    const { x, y, w, h } = p.bounds;
    g.lineStyle(3, 0xffffff, 1);
    const m = 12;
    const dash = 12;
    const edges: [number, number, number, number][] = [
      [x - m, y + h * 0.3, x - m, y + h + m],
      [x - m, y + h + m, x + w + m, y + h + m],
      [x + w + m, y + h + m, x + w + m, y + h * 0.3],
      [x + w * 0.1, y - m, x + w * 0.9, y - m],
    ];
    for (const [ax, ay, bx, by] of edges) {
      const len = Math.hypot(bx - ax, by - ay);
      for (let s = 0; s < len; s += dash * 2) {
        const e = Math.min(len, s + dash);
        g.lineBetween(
          ax + ((bx - ax) * s) / len,
          ay + ((by - ay) * s) / len,
          ax + ((bx - ax) * e) / len,
          ay + ((by - ay) * e) / len,
        );
      }
    }
  }

  private teardown(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.portals = [];
    for (const g of this.shades.values()) {
      this.tweens.killTweensOf(g);
      g.destroy();
    }
    this.shades.clear();
    this.baked?.destroy();
    this.baked = null;
    this.cursor = null;
    this.hover = null;
    this.ring = null;
    if (this.sys.game?.canvas) this.sys.game.canvas.style.cursor = '';
  }

  get subscriptionCount(): number {
    return this.unsubscribers.length;
  }
}
