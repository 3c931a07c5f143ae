/**
 * The player's hands on a scene, mouse and touch alike: a press that barely moves is a tap (it
 * selects or enters), a press that moves is a pan, two fingers pinch (zoom around the point between
 * them, and pan with it), and two taps close together in time and place are a double tap. One
 * finger or the mouse is pointer by pointer (Phaser's `pointer.id`); the game has two touch
 * pointers (`input.activePointers` in create-game.ts). A finger is less precise than a mouse, so its
 * tap tolerates more movement.
 *
 * The handlers get canvas pixels. Times come from the pointers' own event time stamps (the view may
 * read time; the model never does).
 */
import Phaser from 'phaser';

export interface GestureHandlers {
  /** The view moved by this many canvas pixels (dragging right gives a negative dx: look left). */
  pan?(dx: number, dy: number): void;
  /** Zoom by `factor` keeping the canvas point (x, y) where it is. */
  pinch?(factor: number, x: number, y: number): void;
  tap?(x: number, y: number): void;
  doubleTap?(x: number, y: number): void;
  /** A pan or a pinch began (the cursor shows it). */
  grab?(): void;
}

/** Pixels a mouse may move between press and release and still click. */
export const MOUSE_SLOP = 6;
/** Pixels a finger may move and still tap. */
export const TOUCH_SLOP = 12;
/** Two taps at most this far apart in time (ms) and place (px) make a double tap. */
const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_PX = 32;

interface Press {
  x: number;
  y: number;
  startX: number;
  startY: number;
  touch: boolean;
}

export class Gestures {
  private readonly down = new Map<number, Press>();
  /** The current press moved too far, or a second finger came: no tap when it ends. */
  private moved = false;
  private lastTap: { x: number; y: number; time: number } | null = null;
  private pinchFrom: { distance: number; x: number; y: number } | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly handlers: GestureHandlers,
  ) {
    const input = scene.input;
    input.on(Phaser.Input.Events.POINTER_DOWN, this.onDown, this);
    input.on(Phaser.Input.Events.POINTER_MOVE, this.onMove, this);
    input.on(Phaser.Input.Events.POINTER_UP, this.onUp, this);
    input.on(Phaser.Input.Events.POINTER_UP_OUTSIDE, this.onUpOutside, this);
    input.on(Phaser.Input.Events.GAME_OUT, this.cancel, this);
    scene.events.on(Phaser.Scenes.Events.UPDATE, this.flushPinch, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      scene.events.off(Phaser.Scenes.Events.UPDATE, this.flushPinch, this);
      input.off(Phaser.Input.Events.POINTER_DOWN, this.onDown, this);
      input.off(Phaser.Input.Events.POINTER_MOVE, this.onMove, this);
      input.off(Phaser.Input.Events.POINTER_UP, this.onUp, this);
      input.off(Phaser.Input.Events.POINTER_UP_OUTSIDE, this.onUpOutside, this);
      input.off(Phaser.Input.Events.GAME_OUT, this.cancel, this);
    });
  }

  /** A press is on: hovering shows no cursor change meanwhile. */
  get pressing(): boolean {
    return this.down.size > 0;
  }

  private onDown(p: Phaser.Input.Pointer): void {
    if (this.down.size === 0) this.moved = false;
    this.down.set(p.id, { x: p.x, y: p.y, startX: p.x, startY: p.y, touch: p.wasTouch });
    if (this.down.size >= 2) {
      // A second finger: a pinch, never a tap.
      this.moved = true;
      this.pinchFrom = this.pair();
      this.handlers.grab?.();
    }
  }

  private onMove(p: Phaser.Input.Pointer): void {
    const press = this.down.get(p.id);
    if (!press) return;
    if (this.down.size >= 2) {
      // Both fingers move in one touch event, which Phaser hands over pointer by pointer: the pinch
      // is applied once per frame (flushPinch), from both fingers' new places.
      press.x = p.x;
      press.y = p.y;
      return;
    }
    const slop = press.touch ? TOUCH_SLOP : MOUSE_SLOP;
    if (!this.moved && Math.hypot(p.x - press.startX, p.y - press.startY) > slop) {
      this.moved = true;
      this.handlers.grab?.();
    }
    if (this.moved) this.handlers.pan?.(press.x - p.x, press.y - p.y);
    press.x = p.x;
    press.y = p.y;
  }

  private flushPinch(): void {
    const from = this.pinchFrom;
    if (!from || this.down.size < 2) return;
    const now = this.pair();
    if (!now || (now.x === from.x && now.y === from.y && now.distance === from.distance)) return;
    // The world point between the fingers follows them, then the zoom keeps it there.
    this.handlers.pan?.(from.x - now.x, from.y - now.y);
    if (from.distance > 0 && now.distance > 0)
      this.handlers.pinch?.(now.distance / from.distance, now.x, now.y);
    this.pinchFrom = now;
  }

  private onUp(p: Phaser.Input.Pointer): void {
    const press = this.down.get(p.id);
    if (!press) return;
    this.flushPinch();
    this.down.delete(p.id);
    // The pinch's other finger stays down: it may pan on alone, from where it is.
    this.pinchFrom = this.down.size >= 2 ? this.pair() : null;
    if (this.down.size > 0 || this.moved) return;
    const time = p.upTime;
    const last = this.lastTap;
    if (
      last &&
      time - last.time <= DOUBLE_TAP_MS &&
      Math.hypot(p.x - last.x, p.y - last.y) <= DOUBLE_TAP_PX
    ) {
      this.lastTap = null;
      this.handlers.tap?.(p.x, p.y);
      this.handlers.doubleTap?.(p.x, p.y);
      return;
    }
    this.lastTap = { x: p.x, y: p.y, time };
    this.handlers.tap?.(p.x, p.y);
  }

  /** Released outside the canvas: never a tap. */
  private onUpOutside(p: Phaser.Input.Pointer): void {
    this.moved = true;
    this.onUp(p);
  }

  private cancel(): void {
    // The mouse left the canvas: its press ends without a tap (fingers keep their own pointers).
    for (const [id, press] of this.down) if (!press.touch) this.down.delete(id);
    if (this.down.size === 0) this.pinchFrom = null;
  }

  /** The distance between the first two fingers down and the point between them. */
  private pair(): { distance: number; x: number; y: number } | null {
    const [a, b] = [...this.down.values()];
    if (!a || !b) return null;
    return { distance: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
}
