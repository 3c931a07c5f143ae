/**
 * The kingdom's art, drawn in code for this project and baked into textures once at boot. Drawn at
 * 128 px and scaled down, so it stays crisp on a projector. Flags and banners are not baked: their
 * colour and shape carry state, so the views draw them live (see banner.ts).
 */
import type Phaser from 'phaser';
import { fillPoly, strokePoly } from './draw.ts';
import { TextureKey } from './keys.ts';

export const ART_SIZE = 128;

const INK = 0x2b2118;
const STONE = 0xb9bec6;
const STONE_SHADE = 0x8e949d;
const WALL = 0xfff3d6;
const ROOF = 0x9c4a1a;
const WOOD = 0x7a4a1e;

type G = Phaser.GameObjects.Graphics;

function merlons(g: G, x: number, y: number, w: number, count: number, h: number): void {
  const step = w / (count * 2 - 1);
  for (let i = 0; i < count; i++) g.fillRect(x + i * 2 * step, y - h, step, h);
}

function outlineMerlons(g: G, x: number, y: number, w: number, count: number, h: number): void {
  const step = w / (count * 2 - 1);
  for (let i = 0; i < count; i++) g.strokeRect(x + i * 2 * step, y - h, step, h);
}

/** A castle: two towers and a keep with a gate. The top 30 px are left for the lord's flag. */
function drawCastle(g: G): void {
  g.fillStyle(STONE_SHADE, 1);
  g.fillRect(6, 40, 34, 84);
  g.fillRect(88, 40, 34, 84);
  g.fillStyle(STONE, 1);
  g.fillRect(34, 62, 60, 62);
  merlons(g, 34, 62, 60, 4, 9);
  g.fillStyle(STONE_SHADE, 1);
  merlons(g, 6, 40, 34, 3, 9);
  merlons(g, 88, 40, 34, 3, 9);
  g.lineStyle(4, INK, 1);
  g.strokeRect(6, 40, 34, 84);
  g.strokeRect(88, 40, 34, 84);
  g.strokeRect(34, 62, 60, 62);
  outlineMerlons(g, 6, 40, 34, 3, 9);
  outlineMerlons(g, 88, 40, 34, 3, 9);
  outlineMerlons(g, 34, 62, 60, 4, 9);
  // Gate and arrow slits.
  g.fillStyle(INK, 1);
  g.fillRect(52, 96, 24, 28);
  g.fillCircle(64, 96, 12);
  g.fillRect(20, 60, 6, 16);
  g.fillRect(102, 60, 6, 16);
  g.fillRect(20, 90, 6, 14);
  g.fillRect(102, 90, 6, 14);
}

/** What is left of a castle: broken towers and rubble. */
function drawRuin(g: G): void {
  g.fillStyle(0x8f8f8f, 1);
  fillPoly(g, [
    { x: 6, y: 124 },
    { x: 6, y: 74 },
    { x: 18, y: 66 },
    { x: 26, y: 80 },
    { x: 40, y: 72 },
    { x: 40, y: 124 },
  ]);
  fillPoly(g, [
    { x: 88, y: 124 },
    { x: 88, y: 90 },
    { x: 100, y: 96 },
    { x: 110, y: 84 },
    { x: 122, y: 92 },
    { x: 122, y: 124 },
  ]);
  g.fillStyle(0xa8a8a8, 1);
  fillPoly(g, [
    { x: 40, y: 124 },
    { x: 40, y: 100 },
    { x: 56, y: 108 },
    { x: 70, y: 98 },
    { x: 88, y: 106 },
    { x: 88, y: 124 },
  ]);
  g.lineStyle(4, 0x3c3c3c, 1);
  strokePoly(
    g,
    [
      { x: 6, y: 124 },
      { x: 6, y: 74 },
      { x: 18, y: 66 },
      { x: 26, y: 80 },
      { x: 40, y: 72 },
      { x: 40, y: 100 },
      { x: 56, y: 108 },
      { x: 70, y: 98 },
      { x: 88, y: 106 },
      { x: 88, y: 90 },
      { x: 100, y: 96 },
      { x: 110, y: 84 },
      { x: 122, y: 92 },
      { x: 122, y: 124 },
    ],
    false,
  );
  // Rubble.
  g.fillStyle(0x6e6e6e, 1);
  g.fillCircle(48, 122, 5);
  g.fillCircle(60, 120, 4);
  g.fillCircle(78, 122, 6);
}

function houseOutline(g: G): void {
  g.strokeRect(22, 58, 84, 62);
  strokePoly(g, [
    { x: 10, y: 62 },
    { x: 64, y: 14 },
    { x: 118, y: 62 },
  ]);
}

/** A finished building. */
function drawHouse(g: G, walls: number, roof: number, ink: number): void {
  g.fillStyle(walls, 1);
  g.fillRect(22, 58, 84, 62);
  g.fillStyle(roof, 1);
  g.fillTriangle(10, 62, 64, 14, 118, 62);
  g.fillStyle(ink, 1);
  g.fillRect(54, 86, 20, 34);
  g.fillStyle(0x56b4e9, walls === WALL ? 1 : 0);
  g.fillRect(32, 72, 16, 14);
  g.fillRect(80, 72, 16, 14);
  g.lineStyle(5, ink, 1);
  houseOutline(g);
}

/** A building under construction: an outline in scaffolding. */
function drawScaffold(g: G): void {
  g.fillStyle(WALL, 0.35);
  g.fillRect(22, 58, 84, 62);
  g.lineStyle(4, INK, 0.7);
  houseOutline(g);
  g.lineStyle(5, WOOD, 1);
  for (const x of [16, 64, 112]) g.lineBetween(x, 40, x, 124);
  g.lineBetween(12, 74, 116, 74);
  g.lineBetween(12, 100, 116, 100);
  g.lineBetween(16, 124, 64, 74);
  g.lineBetween(64, 124, 112, 74);
}

export function bakeTextures(scene: Phaser.Scene): void {
  const bake = (key: TextureKey, draw: (g: G) => void) => {
    if (scene.textures.exists(key)) return;
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    draw(g);
    g.generateTexture(key, ART_SIZE, ART_SIZE);
    g.destroy();
  };
  bake(TextureKey.Castle, drawCastle);
  bake(TextureKey.CastleRuin, drawRuin);
  bake(TextureKey.House, (g) => drawHouse(g, WALL, ROOF, INK));
  bake(TextureKey.HouseStopped, (g) => drawHouse(g, 0xbdbdbd, 0x6b6b6b, 0x3c3c3c));
  bake(TextureKey.HouseScaffold, drawScaffold);
  bakePlanet(scene);
}

/** The planet texture's size; the disc's radius is PLANET_DISC of it (the rest is its glow). */
export const PLANET_SIZE = 640;
export const PLANET_DISC = 0.42;

/**
 * Nozama: a golden-orange planet with dunes, craters, a lit side and a night side, and a thin sky-blue
 * atmosphere. Drawn with the 2D canvas API (gradients, a clip to the disc) into a canvas texture once.
 */
function bakePlanet(scene: Phaser.Scene): void {
  if (scene.textures.exists(TextureKey.Planet)) return;
  const texture = scene.textures.createCanvas(TextureKey.Planet, PLANET_SIZE, PLANET_SIZE);
  const ctx = texture?.getContext();
  if (!texture || !ctx) return;
  const c = PLANET_SIZE / 2;
  const r = PLANET_SIZE * PLANET_DISC;
  // Atmosphere.
  const glow = ctx.createRadialGradient(c, c, r * 0.96, c, c, r * 1.17);
  glow.addColorStop(0, 'rgba(86,180,233,0.55)');
  glow.addColorStop(1, 'rgba(86,180,233,0)');
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, PLANET_SIZE, PLANET_SIZE);
  // The disc, lit from the upper left.
  ctx.save();
  ctx.beginPath();
  ctx.arc(c, c, r, 0, Math.PI * 2);
  ctx.clip();
  const body = ctx.createRadialGradient(c - r * 0.4, c - r * 0.45, r * 0.05, c, c, r * 1.05);
  body.addColorStop(0, '#fbe27a');
  body.addColorStop(0.35, '#f0b429');
  body.addColorStop(0.7, '#e69f00');
  body.addColorStop(1, '#b87800');
  ctx.fillStyle = body;
  ctx.fillRect(c - r, c - r, 2 * r, 2 * r);
  // Dunes: wavy bands, pale and darker, gently curved like latitudes.
  const band = (y0: number, amp: number, freq: number, phase: number, thick: number, color: string) => {
    ctx.beginPath();
    for (let i = 0; i <= 64; i++) {
      const x = c - r + (2 * r * i) / 64;
      const curve = ((x - c) / r) ** 2 * r * 0.12;
      const y = y0 + Math.sin((i / 64) * Math.PI * freq + phase) * amp + curve;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    for (let i = 64; i >= 0; i--) {
      const x = c - r + (2 * r * i) / 64;
      const curve = ((x - c) / r) ** 2 * r * 0.12;
      const y = y0 + thick + Math.sin((i / 64) * Math.PI * freq + phase + 0.6) * amp * 0.8 + curve;
      ctx.lineTo(x, y);
    }
    ctx.closePath();
    ctx.fillStyle = color;
    ctx.fill();
  };
  band(c - r * 0.62, r * 0.03, 5, 0.3, r * 0.07, 'rgba(240,228,66,0.35)');
  band(c - r * 0.3, r * 0.04, 4, 1.2, r * 0.1, 'rgba(184,120,0,0.28)');
  band(c + r * 0.02, r * 0.035, 6, 2.1, r * 0.06, 'rgba(240,228,66,0.3)');
  band(c + r * 0.42, r * 0.04, 3.5, 0.8, r * 0.12, 'rgba(184,120,0,0.3)');
  band(c + r * 0.72, r * 0.03, 5, 2.6, r * 0.06, 'rgba(240,228,66,0.28)');
  // Craters.
  for (const [fx, fy, fr] of [
    [0.35, -0.05, 0.07],
    [0.52, 0.35, 0.05],
    [-0.55, -0.2, 0.045],
    [0.05, 0.62, 0.06],
    [-0.12, -0.55, 0.035],
  ] as const) {
    const x = c + fx * r;
    const y = c + fy * r;
    ctx.beginPath();
    ctx.ellipse(x, y, fr * r, fr * r * 0.75, 0, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(140,90,0,0.45)';
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(
      x - fr * r * 0.15,
      y - fr * r * 0.12,
      fr * r * 0.8,
      fr * r * 0.55,
      0,
      Math.PI * 0.9,
      Math.PI * 1.9,
    );
    ctx.strokeStyle = 'rgba(255,240,170,0.55)';
    ctx.lineWidth = Math.max(1.5, fr * r * 0.18);
    ctx.stroke();
  }
  // The night side.
  const night = ctx.createRadialGradient(
    c - r * 0.55,
    c - r * 0.5,
    r * 0.9,
    c - r * 0.3,
    c - r * 0.3,
    r * 2.1,
  );
  night.addColorStop(0, 'rgba(20,24,48,0)');
  night.addColorStop(0.45, 'rgba(20,24,48,0.5)');
  night.addColorStop(1, 'rgba(20,24,48,0.85)');
  ctx.fillStyle = night;
  ctx.fillRect(c - r, c - r, 2 * r, 2 * r);
  ctx.restore();
  // A thin bright rim on the lit side.
  ctx.beginPath();
  ctx.arc(c, c, r - 1.5, Math.PI * 0.85, Math.PI * 1.65);
  ctx.strokeStyle = 'rgba(255,243,196,0.8)';
  ctx.lineWidth = 3;
  ctx.stroke();
  texture.refresh();
}
