/**
 * Keys for the canvas. Phaser listens on the game's mount (Phaser's `input.keyboard.target`, set by
 * createGame), never on the window, so a key reaches a game only while the focus is inside it; two
 * games on one page each hear their own keys. The DOM panels around the canvas have their own keys
 * (Space and Enter press their buttons, arrows move in lists), so a scene acts on a key only while
 * the canvas itself has the keyboard (clicking the world gives it the focus, see createGame).
 */
import type Phaser from 'phaser';

export function canvasHasKeyboard(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLCanvasElement;
}

/**
 * Calls `handler` for each keydown while the canvas has the keyboard; when it returns true the key was
 * used and its default action (scrolling the page) is prevented. Removed when the scene shuts down.
 */
export function onCanvasKeys(scene: Phaser.Scene, handler: (event: KeyboardEvent) => boolean): void {
  const keyboard = scene.input.keyboard;
  if (!keyboard) return;
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !canvasHasKeyboard(event)) return;
    if (handler(event)) event.preventDefault();
  };
  keyboard.on('keydown', listener);
  scene.events.once('shutdown', () => keyboard.off('keydown', listener));
}
