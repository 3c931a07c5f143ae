/**
 * `prefers-reduced-motion`: when the player asks for less motion, scenes skip their tweens and show
 * the end state at once (a portal is dark, a development stands) and the camera jumps instead of
 * gliding. Read at the moment of use, so changing the system setting applies without a reload.
 */
export function reducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
