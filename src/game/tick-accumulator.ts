/**
 * Turns frame time into whole simulated seconds (DESIGN.md section 5): the simulation never sees
 * frame time. Real time is scaled by the clock's speed and accumulated; each frame takes the whole
 * simulated seconds that have built up and keeps the fraction for the next frame, so 16x moves the
 * world about one second every 62 ms instead of sixteen seconds at once. A slow frame (a tab coming
 * back to the foreground) is capped rather than replayed.
 */

/** At most this many simulated seconds are advanced in one frame; anything beyond is dropped. */
export const MAX_SECONDS_PER_FRAME = 64;
/** Frame times longer than this (ms) count as this long. */
export const MAX_FRAME_MS = 1000;

export interface ClockState {
  speed: number;
  paused: boolean;
}

export class TickAccumulator {
  private carry = 0;

  /** The whole simulated seconds to advance for a frame that took `deltaMs` of real time. */
  take(deltaMs: number, clock: ClockState): number {
    if (clock.paused || !(deltaMs > 0) || !(clock.speed > 0)) {
      if (clock.paused) this.carry = 0;
      return 0;
    }
    this.carry += (Math.min(deltaMs, MAX_FRAME_MS) / 1000) * clock.speed;
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    return Math.min(whole, MAX_SECONDS_PER_FRAME);
  }

  reset(): void {
    this.carry = 0;
  }
}
