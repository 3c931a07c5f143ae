/**
 * The kingdom's camera: pan and zoom over a world that can be taller than the view, bounded so the
 * world never leaves the screen. The state is the world point at the centre of the view and the
 * zoom; every move clamps it: along an axis where the whole world fits, it is centred; otherwise the
 * view stays within the world plus a small margin. Moves glide (a short tween) unless reduced motion
 * is asked for, or the move is continuous (dragging, the wheel).
 *
 * Phaser's own camera bounds pin a small world to the top left instead of centring it, hence this.
 * Screen and world: world = scroll + origin + (screen - origin) / zoom, with the origin at the centre.
 */
import type Phaser from 'phaser';
import type { Rect } from './layout.ts';
import { reducedMotion } from './motion.ts';

export const MAX_ZOOM = 4;
/** The scene event the kingdom emits (with a CameraView) after every camera move. */
export const CAMERA_CHANGED = 'camera-changed';
/** The start view shows the whole world when it needs no more zooming out than this. */
const HOME_FIT_ZOOM = 0.7;
/**
 * The strip at the right of the canvas that holds the kingdom's zoom controls (KingdomHudScene): the
 * kingdom's camera stops short of it, so the controls never cover the world at any zoom.
 */
export const HUD_COLUMN = 64;
/** Keyboard and button zoom step. */
export const ZOOM_STEP = 1.25;
const GLIDE_MS = 380;

export interface CameraView {
  zoom: number;
  scrollX: number;
  scrollY: number;
  /** The world point at the centre of the view. */
  centerX: number;
  centerY: number;
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
}

export class CameraRig {
  private world = { w: 1, h: 1 };
  private cx = 0;
  private cy = 0;
  private z = 1;
  private glide: Phaser.Tweens.Tween | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cam: Phaser.Cameras.Scene2D.Camera,
  ) {
    this.cx = cam.width / 2;
    this.cy = cam.height / 2;
  }

  /** Called after every move (the selection marker and the overlay follow the zoom). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get zoom(): number {
    return this.z;
  }

  /** The smallest zoom: the whole world in view (never above 1: a small world is not blown up). */
  get minZoom(): number {
    return Math.min(1, this.cam.width / this.world.w, this.cam.height / this.world.h);
  }

  setWorld(w: number, h: number): void {
    this.world = { w: Math.max(1, w), h: Math.max(1, h) };
    this.apply(this.cx, this.cy, this.z);
  }

  /** The view was resized: keep the same centre and zoom, clamped again. */
  refresh(): void {
    this.apply(this.cx, this.cy, this.z);
  }

  view(): CameraView {
    return {
      zoom: this.z,
      scrollX: this.cam.scrollX,
      scrollY: this.cam.scrollY,
      centerX: this.cx,
      centerY: this.cy,
      width: this.cam.width,
      height: this.cam.height,
      minZoom: this.minZoom,
      maxZoom: MAX_ZOOM,
    };
  }

  toWorld(sx: number, sy: number): { x: number; y: number } {
    const { width, height } = this.cam;
    return { x: this.cx + (sx - width / 2) / this.z, y: this.cy + (sy - height / 2) / this.z };
  }

  toScreen(wx: number, wy: number): { x: number; y: number } {
    const { width, height } = this.cam;
    return { x: (wx - this.cx) * this.z + width / 2, y: (wy - this.cy) * this.z + height / 2 };
  }

  /** Moves the view by a distance in screen pixels (dragging, arrow keys). */
  panBy(dx: number, dy: number): void {
    this.stopGlide();
    this.apply(this.cx + dx / this.z, this.cy + dy / this.z, this.z);
  }

  /** Zooms by a factor keeping the world point under a screen point where it is (the wheel). */
  zoomAt(factor: number, sx: number, sy: number): void {
    this.stopGlide();
    const { width, height } = this.cam;
    const anchor = this.toWorld(sx, sy);
    const z = this.clampZoom(this.z * factor);
    this.apply(anchor.x - (sx - width / 2) / z, anchor.y - (sy - height / 2) / z, z);
  }

  /** Zooms by a factor around the centre of the view (keys and buttons), gliding. */
  zoomBy(factor: number): void {
    this.moveTo(this.cx, this.cy, this.z * factor);
  }

  /** The whole world in view. */
  fit(animate = true): void {
    this.moveTo(this.world.w / 2, this.world.h / 2, this.minZoom, animate);
  }

  /**
   * The start view: the whole world when that needs at most a little zooming out (HOME_FIT_ZOOM);
   * otherwise the world's whole width (zoom 1 unless the world grew wider), its top in view.
   */
  home(animate = true): void {
    const fit = this.minZoom;
    if (fit >= HOME_FIT_ZOOM) {
      this.moveTo(this.world.w / 2, this.world.h / 2, fit, animate);
      return;
    }
    const z = this.clampZoom(Math.min(1, this.cam.width / this.world.w));
    this.moveTo(this.world.w / 2, this.cam.height / z / 2, z, animate);
  }

  /**
   * Looks at one zone: zoomed so it takes about two thirds of the view's width (its neighbours still
   * show at the sides), its top (the portal's crown) in view.
   */
  focus(frame: Rect, animate = true): void {
    const z = this.clampZoom(Math.min((this.cam.width * 0.66) / frame.w, 2));
    const top = frame.y - 8;
    this.moveTo(frame.x + frame.w / 2, top + this.cam.height / z / 2, z, animate);
  }

  private moveTo(cx: number, cy: number, zoom: number, animate = true): void {
    this.stopGlide();
    const z = this.clampZoom(zoom);
    const target = this.clamped(cx, cy, z);
    if (!animate || reducedMotion()) {
      this.apply(target.x, target.y, z);
      return;
    }
    const from = { x: this.cx, y: this.cy, z: this.z, t: 0 };
    this.glide = this.scene.tweens.add({
      targets: from,
      t: 1,
      duration: GLIDE_MS,
      ease: 'Sine.easeInOut',
      onUpdate: () => {
        const t = from.t;
        // Zoom is interpolated geometrically so the glide feels even in and out.
        const zz = from.z * (z / from.z) ** t;
        this.apply(from.x + (target.x - from.x) * t, from.y + (target.y - from.y) * t, zz);
      },
      onComplete: () => {
        this.glide = null;
        this.apply(target.x, target.y, z);
      },
    });
  }

  stopGlide(): void {
    if (this.glide) {
      this.glide.stop();
      this.glide = null;
    }
  }

  private clampZoom(z: number): number {
    return Math.max(this.minZoom, Math.min(MAX_ZOOM, z));
  }

  private clamped(cx: number, cy: number, z: number): { x: number; y: number } {
    const axis = (c: number, world: number, view: number) => {
      const visible = view / z;
      const margin = Math.min(40, view * 0.05) / z;
      if (visible >= world) return world / 2;
      return Math.max(visible / 2 - margin, Math.min(world - visible / 2 + margin, c));
    };
    return { x: axis(cx, this.world.w, this.cam.width), y: axis(cy, this.world.h, this.cam.height) };
  }

  private apply(cx: number, cy: number, zoom: number): void {
    const z = this.clampZoom(zoom);
    const c = this.clamped(cx, cy, z);
    const changed = c.x !== this.cx || c.y !== this.cy || z !== this.z || this.cam.zoom !== z;
    this.cx = c.x;
    this.cy = c.y;
    this.z = z;
    this.cam.setZoom(z);
    this.cam.centerOn(c.x, c.y);
    if (changed) for (const l of this.listeners) l();
  }
}
