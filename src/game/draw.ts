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
