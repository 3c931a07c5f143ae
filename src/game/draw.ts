/**
 * Polygon helpers. Phaser 4 types fillPoints/strokePoints as taking Vector2[], but they read only
 * x and y: plain points keep the drawing code light.
 */
import type Phaser from 'phaser';

export interface Pt {
  x: number;
  y: number;
}

export function fillPoly(g: Phaser.GameObjects.Graphics, points: Pt[]): void {
  g.fillPoints(points as Phaser.Math.Vector2[], true);
}

export function strokePoly(g: Phaser.GameObjects.Graphics, points: Pt[], closed = true): void {
  g.strokePoints(points as Phaser.Math.Vector2[], closed);
}

/**
 * Stars at fixed places over a box (a tiny LCG, not Math.random: the same picture every time), about
 * one per 9,000 square pixels. `color` is the star colour.
 */
export function drawStars(
  g: Phaser.GameObjects.Graphics,
  box: { x: number; y: number; w: number; h: number },
  color: number,
  seed = 7,
): void {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 8) / 16777216;
  };
  const count = Math.round((box.w * box.h) / 9000);
  for (let i = 0; i < count; i++) {
    g.fillStyle(color, 0.35 + rand() * 0.5);
    const size = rand() < 0.85 ? 1.5 : 2.5;
    g.fillRect(box.x + rand() * box.w, box.y + rand() * box.h, size, size);
  }
}
