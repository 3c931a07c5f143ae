/**
 * Offline: registers the Workbox service worker that vite-plugin-pwa builds (see vite.config.ts), on
 * the pages that must work with no network (the game, the Class page, the board, the printables). A
 * new version waits until every tab of the old one is closed: nothing reloads under a player.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(): void {
  registerSW({ immediate: true });
}
