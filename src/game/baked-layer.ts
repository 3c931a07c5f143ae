/**
 * A drawing that changes only when the model does, baked into a canvas texture and shown by an
 * Image. Under WebGL a Graphics object is decomposed into polygons on every frame, and under Canvas
 * it is traced again; the kingdom is still most of the time, so its grounds, portals, castles and
 * standing developments are drawn once per change instead (Phaser's own advice for static Graphics).
 * Vector shapes are drawn with a Graphics; images and text rasters can then be painted on top with
 * the 2D context. The texture has `resolution` pixels per world pixel, so it stays sharp when the
 * camera zooms in. Texture keys are per layer ("baked-<n>"), removed on destroy.
 */
import type Phaser from 'phaser';

let serial = 0;

export type Paint = (ctx: CanvasRenderingContext2D) => void;

export class BakedLayer {
  readonly image: Phaser.GameObjects.Image;
  private readonly scene: Phaser.Scene;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly key = `baked-${++serial}`;
  private texture: Phaser.Textures.CanvasTexture | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly resolution = 1,
  ) {
    this.scene = scene;
    this.g = scene.make.graphics({ x: 0, y: 0 }, false);
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false);
  }

  /**
   * Draws with `draw` (local coordinates, origin top left) into a texture of w x h world pixels, then
   * `paint` on top with the 2D context (same coordinates).
   */
  redraw(w: number, h: number, draw: (g: Phaser.GameObjects.Graphics) => void, paint?: Paint): void {
    const res = this.resolution;
    const width = Math.max(1, Math.ceil(w * res));
    const height = Math.max(1, Math.ceil(h * res));
    this.g.clear();
    if (res !== 1) this.g.scaleCanvas(res, res);
    draw(this.g);
    if (!this.texture) {
      this.texture = this.scene.textures.createCanvas(this.key, width, height);
    } else if (this.texture.width !== width || this.texture.height !== height) {
      this.texture.setSize(width, height);
    }
    const texture = this.texture;
    if (!texture) return;
    texture.clear();
    const canvas = texture.getSourceImage() as HTMLCanvasElement;
    this.g.generateTexture(canvas, width, height);
    if (paint) {
      const ctx = canvas.getContext('2d');
      if (ctx) {
        ctx.save();
        ctx.setTransform(res, 0, 0, res, 0, 0);
        ctx.imageSmoothingEnabled = true;
        paint(ctx);
        ctx.restore();
      }
    }
    texture.refresh();
    this.image
      .setTexture(this.key)
      .setScale(1 / res)
      .setVisible(true);
  }

  destroy(): void {
    this.image.destroy();
    this.g.destroy();
    if (this.texture) this.scene.textures.remove(this.key);
    this.texture = null;
  }
}

/** The raster behind a texture key (baked textures are canvases), for painting with the 2D context. */
export function sourceOf(scene: Phaser.Scene, key: string): CanvasImageSource | null {
  if (!scene.textures.exists(key)) return null;
  return scene.textures.get(key).getSourceImage() as CanvasImageSource;
}

/** Pixels per world pixel in the kingdom's baked textures: sharp up to a 2x camera zoom. */
export const BAKE_RESOLUTION = 2;

/** Paints a Text object's raster where the Text would draw itself (origin, scale), offset by (dx, dy). */
export function paintText(
  ctx: CanvasRenderingContext2D,
  text: Phaser.GameObjects.Text,
  dx = 0,
  dy = 0,
): void {
  if (!text.visible || text.text === '') return;
  const w = text.displayWidth;
  const h = text.displayHeight;
  if (w <= 0 || h <= 0) return;
  ctx.drawImage(text.canvas, dx + text.x - text.originX * w, dy + text.y - text.originY * h, w, h);
}
