/** Bakes the project's art into textures (no files to fetch), then hands over to the director. */
import Phaser from 'phaser';
import { bakeTextures } from './art.ts';
import { SceneKey } from './keys.ts';

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: SceneKey.Boot });
  }

  create(): void {
    bakeTextures(this);
    this.scene.start(SceneKey.Director);
  }
}
