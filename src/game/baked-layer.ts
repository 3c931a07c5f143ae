/**
 * A drawing that changes only when the model does, baked into a canvas texture and shown by an
 * Image. Under WebGL a Graphics object is decomposed into polygons on every frame; the kingdom is
 * still most of the time, so its grounds and portals are drawn once per change instead (Phaser's
 * own advice for static Graphics). Texture keys are per layer ("baked-<n>"), removed on destroy.
 */
import type Phaser from 'phaser';

let serial = 0;

export class BakedLayer {
  readonly image: Phaser.GameObjects.Image;
  private readonly scene: Phaser.Scene;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly key = `baked-${++serial}`;
  private texture: Phaser.Textures.CanvasTexture | null = null;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.g = scene.make.graphics({ x: 0, y: 0 }, false);
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false);
  }

  /** Draws with `draw` (local coordinates, origin top left) into a texture of w x h pixels. */
  redraw(w: number, h: number, draw: (g: Phaser.GameObjects.Graphics) => void): void {
    const width = Math.max(1, Math.ceil(w));
    const height = Math.max(1, Math.ceil(h));
    this.g.clear();
    draw(this.g);
    if (!this.texture) {
      this.texture = this.scene.textures.createCanvas(this.key, width, height);
    } else if (this.texture.width !== width || this.texture.height !== height) {
      this.texture.setSize(width, height);
    }
    const texture = this.texture;
    if (!texture) return;
    texture.clear();
    this.g.generateTexture(texture.getSourceImage() as HTMLCanvasElement, width, height);
    texture.refresh();
    this.image.setTexture(this.key).setVisible(true);
  }

  destroy(): void {
    this.image.destroy();
    this.g.destroy();
    if (this.texture) this.scene.textures.remove(this.key);
    this.texture = null;
  }
}
