/**
 * Keys for the canvas. Phaser listens on the window; the DOM panels around the canvas have their own
 * keys (Space and Enter press their buttons, arrows move in lists), so a scene acts on a key only
 * while the canvas has the keyboard: the canvas itself or nothing in particular (the page body) is
 * focused. Keys are never captured globally.
 */
import type Phaser from 'phaser';

export function canvasHasKeyboard(): boolean {
  if (typeof document === 'undefined') return false;
  const active = document.activeElement;
  return active === null || active === document.body || active instanceof HTMLCanvasElement;
}

/**
 * Calls `handler` for each keydown while the canvas has the keyboard; when it returns true the key was
 * used and its default action (scrolling the page) is prevented. Removed when the scene shuts down.
 */
export function onCanvasKeys(scene: Phaser.Scene, handler: (event: KeyboardEvent) => boolean): void {
  const keyboard = scene.input.keyboard;
  if (!keyboard) return;
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !canvasHasKeyboard()) return;
    if (handler(event)) event.preventDefault();
  };
  keyboard.on('keydown', listener);
  scene.events.once('shutdown', () => keyboard.off('keydown', listener));
}
