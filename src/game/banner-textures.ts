/**
 * Banners baked into textures, one per look (plan colour x edition shape x furled / flying /
 * drooping), made the first time a development needs one and shared by all that show it. A
 * development is then a few images (pole, knob, banner, houses), which both renderers draw in
 * batches; a Graphics per banner would be re-tessellated (WebGL) or re-traced (Canvas) every frame,
 * and a thousand of them cost most of a frame.
 */
import type Phaser from 'phaser';
import { drawBannerCloth, drawFurled } from './banner.ts';
import type { Banner } from './kingdom-model.ts';

/** The cloth's width in the texture (px); views scale it to their banner width. */
export const BANNER_ART_W = 48;
/** A furled banner's height in the texture (px); views scale it to their pole. */
export const FURLED_ART_H = 64;
const MARGIN = 4;

export type BannerLook = 'furled' | 'flying' | 'drooping';

export interface BannerTexture {
  key: string;
  /** Where the pole attaches (the cloth's top left), as a fraction of the texture: the image's origin. */
  originX: number;
  originY: number;
}

const POLE = 0x5b3a1a;
const KNOB = 0xf0e442;
export const POLE_KEY = 'banner-pole';
export const KNOB_KEY = 'banner-knob';
/** The knob texture's diameter (px). */
export const KNOB_ART = 16;

export function bannerTexture(scene: Phaser.Scene, banner: Banner, look: BannerLook): BannerTexture {
  const key = `banner-${banner.color.toString(16)}-${banner.shape}-${look}`;
  const w = BANNER_ART_W;
  const left = look === 'furled' ? w * 0.06 + MARGIN : MARGIN;
  const top = MARGIN;
  const width = look === 'furled' ? w * 0.2 + 2 * MARGIN : w * 1.1 + 2 * MARGIN;
  const droop = look === 'drooping' ? w * 0.28 : 0;
  const height = look === 'furled' ? FURLED_ART_H + 2 * MARGIN : w * 0.64 + droop + 2 * MARGIN;
  if (!scene.textures.exists(key)) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.translateCanvas(left, top);
    if (look === 'furled') drawFurled(g, banner, w, FURLED_ART_H);
    else drawBannerCloth(g, banner, w, droop);
    g.generateTexture(key, Math.ceil(width), Math.ceil(height));
    g.destroy();
  }
  return { key, originX: left / Math.ceil(width), originY: top / Math.ceil(height) };
}

/** The pole (a plain stick, scaled to length) and its golden knob. */
export function ensurePoleTextures(scene: Phaser.Scene): void {
  if (!scene.textures.exists(POLE_KEY)) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(POLE, 1);
    g.fillRect(0, 0, 4, 4);
    g.generateTexture(POLE_KEY, 4, 4);
    g.destroy();
  }
  if (!scene.textures.exists(KNOB_KEY)) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(KNOB, 1);
    g.fillCircle(KNOB_ART / 2, KNOB_ART / 2, KNOB_ART / 2 - 0.5);
    g.generateTexture(KNOB_KEY, KNOB_ART, KNOB_ART);
    g.destroy();
  }
}
