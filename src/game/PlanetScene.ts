/**
 * The planet Nozama: a golden-orange world in the night sky, with its regions as places on it. The
 * region the player is in (ui.region; at first the world's own, za-southwest-1 "SW Nozama") is drawn
 * near and big with a castle; the others are far away, smaller and dimmer, each saying how many
 * kingdoms stand there. Clicking a region (or Enter when it has the keyboard focus; arrows move the
 * focus) flies there: store.visit(region) makes it the player's region and shows its portals. What
 * was built in the other regions stays: one world, several regions.
 * Drawn once per resize; nothing is redrawn per frame.
 */
import Phaser from 'phaser';
import { T } from '../i18n/messages.ts';
import type { GameStore } from '../store/create-game-store.ts';
import { ART_SIZE, PLANET_DISC } from './art.ts';
import { drawStars } from './draw.ts';
import { Gestures } from './gestures.ts';
import { onCanvasKeys } from './keyboard.ts';
import { SceneKey, TextureKey } from './keys.ts';
import type { Rect } from './layout.ts';
import { COLORS, FONT_FAMILY, OKABE_ITO } from './palette.ts';
import { type RegionLook, regionLooks } from './places.ts';

export const REGION_LINE = T.t('canvas.regionLine');

/** A region's place on the canvas (canvas pixels), for tests and tools. */
export interface PlanetPlace {
  regionName: string;
  title: string;
  open: boolean;
  /** The player's region (drawn near). */
  current: boolean;
  x: number;
  y: number;
  r: number;
  /** The label's box: clicking it counts as clicking the place. */
  label: Rect;
}

export interface PlanetSnapshot {
  width: number;
  height: number;
  planet: { x: number; y: number; r: number };
  places: PlanetPlace[];
  focused: string;
}

const PLATE = 0x0b1426;

const kingdomsWord = (n: number): string => T.t('canvas.kingdoms', { count: n });
const DEPTH = { sky: 0, planet: 1, marks: 2, plate: 3, text: 4, ring: 5 } as const;

export class PlanetScene extends Phaser.Scene {
  private readonly store: GameStore;
  private looks: RegionLook[] = [];
  private places: PlanetPlace[] = [];
  private planet = { x: 0, y: 0, r: 0 };
  private focus = 0;
  private showFocus = false;
  private sky: Phaser.GameObjects.Graphics | null = null;
  private planetImage: Phaser.GameObjects.Image | null = null;
  private marks: Phaser.GameObjects.Graphics | null = null;
  private ring: Phaser.GameObjects.Graphics | null = null;
  private texts: Phaser.GameObjects.GameObject[] = [];
  private cursorStyle = '';

  constructor(store: GameStore) {
    super({ key: SceneKey.Planet });
    this.store = store;
  }

  create(): void {
    const { sim, ui } = this.store.getState();
    this.looks = regionLooks(sim, ui.region);
    this.focus = Math.max(
      0,
      this.looks.findIndex((l) => l.current),
    );
    this.showFocus = false;
    this.cursorStyle = '';
    this.sky = this.add.graphics().setDepth(DEPTH.sky);
    this.planetImage = this.add.image(0, 0, TextureKey.Planet).setDepth(DEPTH.planet);
    this.marks = this.add.graphics().setDepth(DEPTH.marks);
    this.ring = this.add.graphics().setDepth(DEPTH.ring);
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      const place = this.placeAt(p.x, p.y);
      this.setCursor(place?.open ? 'pointer' : 'default');
    });
    // A tap (or a click) flies there; a finger that slides or pinches does not.
    new Gestures(this, {
      tap: (x, y) => {
        const place = this.placeAt(x, y);
        if (!place) return;
        this.focus = this.places.indexOf(place);
        this.enter(place);
      },
    });
    onCanvasKeys(this, (e) => {
      const n = this.places.length;
      if (n === 0) return false;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
        const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
        this.focus = (this.focus + step + n) % n;
        this.showFocus = true;
        this.drawRing();
        return true;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        const place = this.places[this.focus];
        if (place) this.enter(place);
        return true;
      }
      return false;
    });
    this.scale.on(Phaser.Scale.Events.RESIZE, this.draw, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.draw();
  }

  snapshot(): PlanetSnapshot {
    return {
      width: this.scale.width,
      height: this.scale.height,
      planet: { ...this.planet },
      places: this.places.map((p) => ({ ...p, label: { ...p.label } })),
      focused: this.places[this.focus]?.regionName ?? '',
    };
  }

  private enter(place: PlanetPlace): void {
    this.store.getState().visit(place.regionName);
  }

  private placeAt(x: number, y: number): PlanetPlace | null {
    for (const p of this.places) {
      const l = p.label;
      if (Math.hypot(x - p.x, y - p.y) <= p.r * 1.25) return p;
      if (x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h) return p;
    }
    return null;
  }

  private setCursor(cursor: string): void {
    if (cursor === this.cursorStyle) return;
    this.cursorStyle = cursor;
    this.input.setDefaultCursor(cursor);
  }

  private draw(): void {
    const { width, height } = this.scale;
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const sky = this.sky;
    const marks = this.marks;
    const image = this.planetImage;
    if (!sky || !marks || !image) return;
    sky.clear();
    drawStars(sky, { x: 0, y: 0, w: width, h: height }, COLORS.star, 11);

    // The planet: left of centre, as big as the view allows with room for the labels.
    const r = Math.max(60, Math.min(width * 0.27, height * 0.36));
    const cx = Math.max(r + 24, width * 0.4);
    const cy = height * 0.52;
    this.planet = { x: cx, y: cy, r };
    image.setPosition(cx, cy).setDisplaySize((2 * r) / (2 * PLANET_DISC), (2 * r) / (2 * PLANET_DISC));

    const big = Math.round(Math.max(28, Math.min(56, height * 0.075)));
    const text = (x: number, y: number, s: string, size: number, color: string, bold = false) => {
      const t = this.add
        .text(x, y, s, {
          fontFamily: FONT_FAMILY,
          fontSize: `${size}px`,
          color,
          fontStyle: bold ? 'bold' : '',
        })
        .setOrigin(0, 0)
        .setDepth(DEPTH.text);
      this.texts.push(t);
      return t;
    };
    text(24, 18, 'Nozama', big, '#ffffff', true);
    text(26, 18 + big * 1.15, T.t('canvas.planetSubtitle'), Math.round(big * 0.42), COLORS.textOnDarkSoft);

    // The regions' places.
    marks.clear();
    // The player's region first: its label keeps its place; the others' labels move clear of it.
    const taken: Rect[] = [];
    const order = [...this.looks].sort((a, b) => Number(b.current) - Number(a.current));
    const drawn = new Map(order.map((look) => [look, this.drawPlace(marks, look, cx, cy, r, text, taken)]));
    this.places = this.looks.map((look) => drawn.get(look) as PlanetPlace);

    // What a region is.
    const line = text(0, 0, REGION_LINE, Math.round(Math.max(15, Math.min(22, height * 0.03))), '#ffffff');
    line
      .setWordWrapWidth(Math.max(280, width - 48))
      .setAlign('center')
      .setOrigin(0.5, 1);
    line.setPosition(width / 2, height - 14);
    const lb = line.getBounds();
    const plate = this.add.graphics().setDepth(DEPTH.plate);
    plate.fillStyle(PLATE, 0.78);
    plate.fillRoundedRect(lb.x - 12, lb.y - 8, lb.width + 24, lb.height + 14, 8);
    this.texts.push(plate);
    this.drawRing();
  }

  private drawPlace(
    g: Phaser.GameObjects.Graphics,
    look: RegionLook,
    cx: number,
    cy: number,
    r: number,
    text: (
      x: number,
      y: number,
      s: string,
      size: number,
      color: string,
      bold?: boolean,
    ) => Phaser.GameObjects.Text,
    taken: Rect[],
  ): PlanetPlace {
    const x = cx + look.at.x * r;
    const y = cy + look.at.y * r;
    const pr = Math.max(look.current ? 26 : 12, look.size * r);
    if (look.current) {
      // Near: a glowing sky-blue ring around a castle, the place the player's kingdoms stand.
      g.fillStyle(OKABE_ITO.skyBlue, 0.28);
      g.fillCircle(x, y, pr * 1.3);
      g.fillStyle(0x16223a, 0.92);
      g.fillCircle(x, y, pr);
      g.lineStyle(Math.max(3, pr * 0.12), OKABE_ITO.skyBlue, 1);
      g.strokeCircle(x, y, pr);
      g.lineStyle(2, 0xffffff, 0.9);
      g.strokeCircle(x, y, pr * 1.3);
      const castle = this.add
        .image(x, y + pr * 0.05, TextureKey.Castle)
        .setScale((pr * 1.3) / ART_SIZE)
        .setDepth(DEPTH.marks);
      this.texts.push(castle);
    } else {
      // Far: small and dim, foreshortened towards the rim.
      g.fillStyle(0x16223a, 0.7);
      g.fillEllipse(x, y, pr * 2, pr * 1.5);
      g.lineStyle(2, 0xa9dcf5, 0.7);
      g.strokeEllipse(x, y, pr * 2, pr * 1.5);
      g.fillStyle(0xa9dcf5, 0.8);
      g.fillCircle(x, y, Math.max(2.5, pr * 0.25));
    }

    // The label, on a dark plate: beside the place, on the side with more room.
    const nameSize = look.current ? 24 : 16;
    const lines = look.current
      ? [
          [look.regionName, nameSize, '#ffffff', true],
          [
            T.t('canvas.regionZones', { title: look.title, count: look.zones }),
            18,
            COLORS.textOnDarkSoft,
            false,
          ],
          [T.t('canvas.youAreHere'), 14, '#ffffff', false],
        ]
      : [
          [`${look.regionName} · ${look.title}`, nameSize, '#e6eef5', true],
          [
            T.t('canvas.flyThere', { zones: look.zones, kingdoms: kingdomsWord(look.kingdoms) }),
            13,
            COLORS.textOnDarkSoft,
            false,
          ],
        ];
    const made = (lines as [string, number, string, boolean][]).map(([s, size, color, bold]) =>
      text(0, 0, s, size, color, bold),
    );
    const w = Math.max(...made.map((t) => t.width)) + 20;
    const h = made.reduce((sum, t) => sum + t.height, 0) + 12;
    const width = this.scale.width;
    const leftRoom = x - pr * 1.4 - 16;
    let lx: number;
    let ly: number;
    if (look.current) {
      lx = Math.max(8, Math.min(width - w - 8, x - w / 2));
      // Below the place on the lower half of the disc, above it on the upper half (near the rim).
      ly = look.at.y >= 0 ? y + pr * 1.45 : y - pr * 1.45 - h;
    } else if (x + pr * 1.4 + 12 + w <= width - 8) {
      lx = x + pr * 1.4 + 12;
      ly = y - h / 2;
    } else {
      lx = Math.max(8, leftRoom - w);
      ly = y - h / 2;
    }
    // Clear of the labels already placed: below the one it would overlap.
    for (let tries = 0; tries < taken.length; tries++) {
      const hit = taken.find((t) => lx < t.x + t.w && lx + w > t.x && ly < t.y + t.h && ly + h > t.y);
      if (!hit) break;
      ly = hit.y + hit.h + 6;
    }
    ly = Math.max(8, Math.min(this.scale.height - h - 8, ly));
    taken.push({ x: lx, y: ly, w, h });
    const plate = this.add.graphics().setDepth(DEPTH.plate);
    plate.fillStyle(PLATE, look.current ? 0.86 : 0.7);
    plate.fillRoundedRect(lx, ly, w, h, 8);
    if (look.current) {
      plate.lineStyle(2, OKABE_ITO.skyBlue, 1);
      plate.strokeRoundedRect(lx, ly, w, h, 8);
    }
    this.texts.push(plate);
    let ty = ly + 6;
    for (const t of made) {
      t.setPosition(lx + 10, ty);
      ty += t.height;
    }
    return {
      regionName: look.regionName,
      title: look.title,
      open: look.open,
      current: look.current,
      x,
      y,
      r: pr,
      label: { x: lx, y: ly, w, h },
    };
  }

  /** The keyboard focus: a dashed white ring around the focused place (after a key was pressed). */
  private drawRing(): void {
    const g = this.ring;
    if (!g) return;
    g.clear();
    const p = this.places[this.focus];
    if (!p || !this.showFocus) return;
    g.lineStyle(3, 0xffffff, 1);
    const rr = p.r * 1.55;
    const n = 16;
    for (let i = 0; i < n; i++) {
      const a0 = (i / n) * Math.PI * 2;
      const a1 = a0 + (Math.PI * 2) / n / 2;
      g.beginPath();
      g.arc(p.x, p.y, rr, a0, a1);
      g.strokePath();
    }
  }

  private teardown(): void {
    this.scale.off(Phaser.Scale.Events.RESIZE, this.draw, this);
    for (const t of this.texts) t.destroy();
    this.texts = [];
    this.sky = null;
    this.planetImage = null;
    this.marks = null;
    this.ring = null;
    if (this.sys.game?.canvas) this.sys.game.canvas.style.cursor = '';
  }
}
