/**
 * A development (an ECS task): one small building per container and a banner naming its plan
 * (task definition family:revision; colour per family, shape per revision). Its lifecycle shows:
 * PROVISIONING/PENDING/ACTIVATING rise as scaffolding with the banner furled; RUNNING stands solid
 * with the banner unfurled; DEACTIVATING/STOPPING/DEPROVISIONING sink and fade with the banner
 * drooping; STOPPED fades away (the scene removes it when the fade ends).
 */
import type Phaser from 'phaser';
import { ART_SIZE } from '../art.ts';
import { drawAlarm, drawBannerCloth, drawFurled, drawPole } from '../banner.ts';
import { TextureKey } from '../keys.ts';
import { type DevelopmentModel, isFalling, isRising } from '../kingdom-model.ts';
import type { Rect } from '../layout.ts';
import { COLORS, FONT_FAMILY } from '../palette.ts';

export const DEVELOPMENT_DEPTH = 20;
const RISE_MS = 700;
const FADE_MS = 700;

type Phase = 'rising' | 'standing' | 'falling';

function phaseOf(d: DevelopmentModel): Phase {
  if (isRising(d.status)) return 'rising';
  if (isFalling(d.status)) return 'falling';
  return 'standing';
}

export class DevelopmentView {
  readonly container: Phaser.GameObjects.Container;
  private readonly scene: Phaser.Scene;
  private readonly pole: Phaser.GameObjects.Graphics;
  private readonly cloth: Phaser.GameObjects.Graphics;
  private readonly marks: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private houses: Phaser.GameObjects.Image[] = [];
  private signature = '';
  private phase: Phase | null = null;
  private rect: Rect | null = null;
  private fading = false;

  constructor(scene: Phaser.Scene, onDark: boolean) {
    this.scene = scene;
    this.pole = scene.add.graphics();
    this.cloth = scene.add.graphics();
    this.marks = scene.add.graphics();
    this.label = scene.add
      .text(0, 0, '', {
        fontFamily: FONT_FAMILY,
        color: onDark ? COLORS.textOnDark : COLORS.textOnLight,
        fontStyle: 'bold',
      })
      .setOrigin(0.5, 0);
    this.container = scene.add.container(0, 0, [this.pole, this.cloth, this.marks, this.label]);
    this.container.setDepth(DEVELOPMENT_DEPTH);
  }

  update(d: DevelopmentModel, rect: Rect): void {
    const signature = JSON.stringify([d, rect]);
    if (signature === this.signature || this.fading) return;
    this.signature = signature;
    const phase = phaseOf(d);
    const previous = this.phase;
    const moved = this.rect !== null && (this.rect.x !== rect.x || this.rect.y !== rect.y);
    this.phase = phase;
    this.rect = rect;
    this.draw(d, rect, phase);

    const target = { x: rect.x, y: rect.y, alpha: phase === 'falling' ? 0.55 : 1 };
    if (previous === null) {
      // A new development rises from the ground.
      this.container.setPosition(rect.x, rect.y + rect.h * 0.35).setAlpha(0);
      this.tween(target, RISE_MS, 'Back.easeOut');
      return;
    }
    if (moved || (phase === 'falling') !== (previous === 'falling')) {
      this.tween(target, 450, 'Sine.easeInOut');
    }
    if (previous !== 'standing' && phase === 'standing') {
      // The banner unfurls when the development starts RUNNING.
      this.cloth.setScale(0.05, 1);
      this.tweenTarget(this.cloth, { scaleX: 1 }, 450, 'Back.easeOut');
    }
  }

  /** STOPPED: sink and fade, then tell the scene to forget this view. */
  fadeOut(onDone: () => void): void {
    if (this.fading) return;
    this.fading = true;
    this.scene.tweens.add({
      targets: this.container,
      alpha: 0,
      y: this.container.y + (this.rect?.h ?? 20) * 0.25,
      duration: FADE_MS,
      ease: 'Sine.easeIn',
      onComplete: onDone,
    });
  }

  get isFading(): boolean {
    return this.fading;
  }

  private tween(props: Record<string, number>, duration: number, ease: string): void {
    this.tweenTarget(this.container, props, duration, ease);
  }

  private tweenTarget(target: object, props: Record<string, number>, duration: number, ease: string): void {
    this.scene.tweens.killTweensOf(target);
    this.scene.tweens.add({ targets: target, ...props, duration, ease });
  }

  private draw(d: DevelopmentModel, rect: Rect, phase: Phase): void {
    const pad = Math.max(1, Math.min(rect.w, rect.h) * 0.06);
    const showLabel = rect.h >= 34 && rect.w >= 42;
    const labelSize = Math.round(Math.max(10, Math.min(16, rect.h * 0.19)));
    const bodyH = rect.h - pad * 2 - (showLabel ? labelSize * 1.15 : 0);
    const bannerW = Math.min(rect.w * 0.3, bodyH * 0.55);
    const poleX = pad + bannerW * 0.12;
    const top = pad;
    const bottom = pad + bodyH;

    // The pole and the banner.
    this.pole.clear();
    drawPole(this.pole, poleX, top, bottom, Math.max(1.5, bannerW * 0.07));
    this.cloth.clear();
    const clothY = phase === 'falling' ? top + bodyH * 0.38 : top + bannerW * 0.06;
    this.cloth.setPosition(poleX, clothY);
    if (phase === 'rising') drawFurled(this.cloth, d.banner, bannerW, bodyH * 0.55);
    else drawBannerCloth(this.cloth, d.banner, bannerW, phase === 'falling' ? bannerW * 0.28 : 0);

    // One building per container, bottom-aligned in the space right of the banner.
    const area = { x: poleX + bannerW * 1.08, y: top, w: rect.w - pad - (poleX + bannerW * 1.08), h: bodyH };
    const n = Math.max(1, d.houses.length);
    // Up to three buildings stand in a row unless that makes them much smaller than a grid would:
    // a stack of two looks like a tower, not two buildings.
    let best = { cols: 1, rows: n, size: 0 };
    for (let cols = 1; cols <= n; cols++) {
      const rows = Math.ceil(n / cols);
      const size = Math.min(area.w / cols, area.h / rows);
      if (size > best.size) best = { cols, rows, size };
    }
    const row = Math.min(area.w / n, area.h);
    if (n <= 3 && row >= best.size * 0.55) best = { cols: n, rows: 1, size: row };
    const size = best.size;
    while (this.houses.length < d.houses.length) {
      const img = this.scene.add.image(0, 0, TextureKey.House).setOrigin(0, 0);
      this.houses.push(img);
      this.container.addAt(img, 0);
    }
    while (this.houses.length > d.houses.length) this.houses.pop()?.destroy();
    const usedW = best.cols * size;
    const ox = area.x + (area.w - usedW) / 2;
    d.houses.forEach((status, i) => {
      const img = this.houses[i] as Phaser.GameObjects.Image;
      const c = i % best.cols;
      const r = Math.floor(i / best.cols);
      const texture =
        phase === 'rising' || status === 'PENDING'
          ? TextureKey.HouseScaffold
          : status === 'STOPPED' || phase === 'falling'
            ? TextureKey.HouseStopped
            : TextureKey.House;
      img
        .setTexture(texture)
        .setScale(size / ART_SIZE)
        .setPosition(ox + c * size, area.y + area.h - (best.rows - r) * size);
    });

    this.marks.clear();
    if (d.unhealthy) {
      const r = Math.max(5, Math.min(rect.w, rect.h) * 0.13);
      drawAlarm(this.marks, rect.w - r - 1, r + 1, r);
    }
    this.label.setVisible(showLabel);
    if (showLabel) {
      this.label
        .setText(d.plan)
        .setFontSize(labelSize)
        .setPosition(rect.w / 2, rect.h - pad - labelSize * 1.15);
      this.label.setScale(this.label.width > rect.w ? rect.w / this.label.width : 1);
    }
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.container);
    this.scene.tweens.killTweensOf(this.cloth);
    this.container.destroy(true);
  }
}
