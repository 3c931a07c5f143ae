/**
 * The reference page of the first-paint benchmark (bench/first-load.ts): the page a developer starts
 * from, Phaser's prebuilt bundle (`import Phaser from 'phaser'`, built without the game's Vite plugin)
 * with a scene drawing three rectangles and a text, on the renderer the game would pick on this machine
 * (`?renderer=canvas|webgl`). `window.__game` is the game, for the benchmark to watch its first frame.
 */
import Phaser from 'phaser';

class Portals extends Phaser.Scene {
  create(): void {
    const g = this.add.graphics();
    g.fillStyle(0xe69f00, 1);
    for (let i = 0; i < 3; i++) g.fillRoundedRect(40 + i * 220, 80, 200, 400, 16);
    this.add.text(40, 24, 'Nozama', { fontFamily: 'sans-serif', fontSize: '32px', color: '#ffffff' });
  }
}

const asked = new URLSearchParams(window.location.search).get('renderer');
const parent = document.getElementById('world') as HTMLElement;
(window as unknown as { __game: Phaser.Game }).__game = new Phaser.Game({
  type: asked === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
  parent,
  backgroundColor: '#56B4E9',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth, height: parent.clientHeight },
  scene: [new Portals()],
});
