/**
 * One frame sample of the real game in the page (bench/frame.ts): the time between
 * requestAnimationFrame callbacks, the time spent in the simulation and the store (the store's advance,
 * wrapped through the test bridge), and Phaser's own step (from its 'prestep' to its 'postrender'
 * event), over `count` frames after a warm-up at speed 16.
 */
import { quantile, round } from './browser.ts';

export const GOAL_MS = 20;

export interface FrameSample {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Share of frames shorter than GOAL_MS. */
  under20Ms: number;
  /** Share of the total frame time spent in the simulation and the store. */
  simStoreShare: number;
  simStoreMsPerFrame: number;
  /** Simulated seconds that passed while measuring (speed 16: about 16 per real second). */
  simulatedSeconds: number;
  /**
   * The game's own work per frame (Phaser's step: scenes' update and rendering, from its 'prestep' to
   * its 'postrender' event): unlike the frame time it is not rounded up to the display's refresh.
   */
  stepMedianMs: number;
  stepP95Ms: number;
}

/** Runs in the page: wraps the store's advance, then records `count` frames after a warm-up. */
export function measureInPage(args: {
  count: number;
  warmup: number;
}): Promise<{ deltas: number[]; sim: number[]; steps: number[]; simulated: number }> {
  const bridge = (window as unknown as { __nozama?: { store: any; game: any } }).__nozama;
  if (!bridge) throw new Error('no test bridge');
  const store = bridge.store;
  const game = bridge.game;
  let stepStart = 0;
  let stepMs = 0;
  const onPre = () => {
    stepStart = performance.now();
  };
  const onPost = () => {
    stepMs += performance.now() - stepStart;
  };
  game.events.on('prestep', onPre);
  game.events.on('postrender', onPost);
  const original = store.getState().advance as (seconds: number) => void;
  let simMs = 0;
  store.setState({
    advance: (seconds: number) => {
      const t0 = performance.now();
      original(seconds);
      simMs += performance.now() - t0;
    },
  });
  store.getState().setSpeed(16);
  store.getState().setPaused(false);
  return new Promise((resolve) => {
    const deltas: number[] = [];
    const sim: number[] = [];
    const steps: number[] = [];
    let last = -1;
    let seen = 0;
    let startNow = 0;
    const tick = (t: number) => {
      if (last >= 0) {
        seen++;
        if (seen === args.warmup) startNow = store.getState().sim.now;
        if (seen > args.warmup) {
          deltas.push(t - last);
          sim.push(simMs);
          steps.push(stepMs);
        }
      }
      simMs = 0;
      stepMs = 0;
      last = t;
      if (deltas.length < args.count) requestAnimationFrame(tick);
      else {
        store.getState().setPaused(true);
        store.setState({ advance: original });
        game.events.off('prestep', onPre);
        game.events.off('postrender', onPost);
        resolve({ deltas, sim, steps, simulated: store.getState().sim.now - startNow });
      }
    };
    requestAnimationFrame(tick);
  });
}

export function summarise(r: {
  deltas: number[];
  sim: number[];
  steps: number[];
  simulated: number;
}): FrameSample {
  const sorted = [...r.deltas].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (q: number) => quantile(r.deltas, q);
  const total = r.deltas.reduce((a, b) => a + b, 0);
  const simTotal = r.sim.reduce((a, b) => a + b, 0);
  return {
    frames: n,
    medianMs: round(at(0.5), 2),
    p95Ms: round(at(0.95), 2),
    maxMs: round(sorted[n - 1] as number, 2),
    under20Ms: round(r.deltas.filter((d) => d < GOAL_MS).length / n, 4),
    simStoreShare: round(simTotal / total, 4),
    simStoreMsPerFrame: round(simTotal / n, 3),
    simulatedSeconds: r.simulated,
    stepMedianMs: round(quantile(r.steps, 0.5), 3),
    stepP95Ms: round(quantile(r.steps, 0.95), 3),
  };
}
