/**
 * Fixed to the screen beside the kingdom: the zoom buttons (+, -, fit) with the zoom level, and a "?"
 * button that shows how to move around (hidden by default). The buttons stand in a column at the
 * right of the canvas that the kingdom's camera stops short of (HUD_COLUMN), and the help shows in a
 * strip at the bottom that the kingdom is laid out above while it shows: neither covers the world.
 * A scene of its own so the kingdom's camera zoom does not scale it. Redrawn only when the view is
 * resized, the camera moves or the help is toggled.
 */
import Phaser from 'phaser';
import { T } from '../i18n/messages.ts';
import { CAMERA_CHANGED, type CameraView, HUD_COLUMN, ZOOM_STEP } from './camera-rig.ts';
import type { KingdomScene } from './KingdomScene.ts';
import { SceneKey } from './keys.ts';
import { FONT_FAMILY, OKABE_ITO } from './palette.ts';

interface Button {
  bg: Phaser.GameObjects.Graphics;
  label: Phaser.GameObjects.Text;
  zone: Phaser.GameObjects.Zone;
}

const PANEL = 0x0b1426;
/** A finger's size: 44 px, the least a touch target should be. */
const SIZE = 44;

export class KingdomHudScene extends Phaser.Scene {
  private buttons: Button[] = [];
  private zoomText: Phaser.GameObjects.Text | null = null;
  private zoomPlate: Phaser.GameObjects.Graphics | null = null;
  private helpShown = false;
  private hint: Phaser.GameObjects.Text | null = null;
  private hintBg: Phaser.GameObjects.Graphics | null = null;
  private column: Phaser.GameObjects.Graphics | null = null;
  private kingdom: KingdomScene | null = null;

  constructor() {
    super({ key: SceneKey.KingdomHud });
  }

  create(): void {
    this.kingdom = this.scene.get(SceneKey.Kingdom) as KingdomScene;
    this.column = this.add.graphics();
    const make = (text: string, name: string, action: () => void): Button => {
      const bg = this.add.graphics();
      const label = this.add
        .text(0, 0, text, { fontFamily: FONT_FAMILY, fontSize: '22px', color: '#ffffff', fontStyle: 'bold' })
        .setOrigin(0.5, 0.5);
      const zone = this.add.zone(0, 0, SIZE, SIZE).setOrigin(0, 0).setName(name);
      zone.setInteractive({ useHandCursor: true });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, action);
      return { bg, label, zone };
    };
    this.helpShown = false;
    this.buttons = [
      make('+', 'zoom-in', () => this.kingdom?.zoomBy(ZOOM_STEP)),
      make('−', 'zoom-out', () => this.kingdom?.zoomBy(1 / ZOOM_STEP)),
      make('fit', 'zoom-fit', () => this.kingdom?.fitWorld()),
      make('?', 'help', () => {
        this.helpShown = !this.helpShown;
        this.layout();
      }),
    ];
    this.zoomPlate = this.add.graphics();
    this.zoomText = this.add
      .text(0, 0, '', { fontFamily: FONT_FAMILY, fontSize: '14px', color: '#ffffff' })
      .setOrigin(0.5, 0.5);
    this.hintBg = this.add.graphics();
    this.hint = this.add
      .text(0, 0, T.t('canvas.kingdomKeys'), {
        fontFamily: FONT_FAMILY,
        fontSize: '14px',
        color: '#ffffff',
      })
      .setOrigin(0, 1);
    this.kingdom.events.on(CAMERA_CHANGED, this.onCamera, this);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    this.layout();
  }

  /** Where the buttons are, in canvas pixels (tests click them). */
  buttonBounds(): { name: string; x: number; y: number; w: number; h: number }[] {
    return this.buttons.map((b) => ({ name: b.zone.name, x: b.zone.x, y: b.zone.y, w: SIZE, h: SIZE }));
  }

  private onCamera(view: CameraView): void {
    this.zoomText?.setText(`${Math.round(view.zoom * 100)}%`);
  }

  private layout(): void {
    const { width, height } = this.scale;
    const margin = 12;
    const x = width - HUD_COLUMN + (HUD_COLUMN - SIZE) / 2;
    // The column the kingdom's camera leaves free, with a rule along its edge.
    this.column?.clear();
    this.column?.fillStyle(PANEL, 1).fillRect(width - HUD_COLUMN, 0, HUD_COLUMN, height);
    this.column
      ?.lineStyle(2, OKABE_ITO.skyBlue, 0.35)
      .lineBetween(width - HUD_COLUMN + 1, 0, width - HUD_COLUMN + 1, height);
    // A column at the bottom right, from the top: ?, +, -, the zoom level, fit.
    const fitY = height - margin - SIZE;
    const levelY = fitY - 26;
    const minusY = levelY - 2 - SIZE;
    const plusY = minusY - 4 - SIZE;
    const helpY = plusY - 12 - SIZE;
    const ys = [plusY, minusY, fitY, helpY];
    this.buttons.forEach((b, i) => {
      const y = ys[i] as number;
      const pressed = b.zone.name === 'help' && this.helpShown;
      b.bg.clear();
      b.bg.fillStyle(pressed ? OKABE_ITO.skyBlue : PANEL, pressed ? 1 : 0.85);
      b.bg.fillRoundedRect(x, y, SIZE, SIZE, 8);
      b.bg.lineStyle(2, OKABE_ITO.skyBlue, 1);
      b.bg.strokeRoundedRect(x, y, SIZE, SIZE, 8);
      b.label
        .setPosition(x + SIZE / 2, y + SIZE / 2)
        .setFontSize(b.zone.name === 'zoom-fit' ? 15 : b.zone.name === 'help' ? 19 : 24)
        .setColor(pressed ? '#000000' : '#ffffff');
      b.zone.setPosition(x, y);
    });
    this.zoomPlate?.clear();
    this.zoomPlate?.fillStyle(PANEL, 0.85).fillRoundedRect(x - 4, levelY + 1, SIZE + 8, 22, 6);
    this.zoomText?.setPosition(x + SIZE / 2, levelY + 12);
    const hint = this.hint;
    const bg = this.hintBg;
    let strip = 0;
    if (hint && bg) {
      // The help strip spans the bottom of the view left of the column; the kingdom moves above it.
      const stripW = Math.max(120, width - HUD_COLUMN);
      hint.setWordWrapWidth(Math.max(120, stripW - 2 * margin - 16));
      hint.setVisible(this.helpShown);
      bg.clear();
      if (hint.visible) {
        strip = hint.height + 10 + margin;
        hint.setPosition(margin + 8, height - margin / 2 - 5);
        bg.fillStyle(PANEL, 1);
        bg.fillRect(0, height - strip, stripW, strip);
        bg.lineStyle(2, OKABE_ITO.skyBlue, 0.35).lineBetween(
          0,
          height - strip + 1,
          stripW,
          height - strip + 1,
        );
      }
    }
    this.kingdom?.setBottomInset(strip);
    if (this.kingdom) this.onCamera(this.kingdom.cameraView());
  }

  private teardown(): void {
    this.kingdom?.events.off(CAMERA_CHANGED, this.onCamera, this);
    this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.kingdom = null;
    this.buttons = [];
  }
}
