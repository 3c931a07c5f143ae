/**
 * Which renderer the game uses. School laptops and Chromebooks often draw WebGL in software
 * (SwiftShader, llvmpipe, Microsoft's Basic Render Driver): there the game's WebGL frames are
 * fill-bound and fall to 17-18 fps in a busy kingdom at 16x, while Phaser's Canvas renderer holds 60 fps
 * (`npm run bench` measures both). So `auto` asks the browser which rasteriser draws WebGL
 * (`WEBGL_debug_renderer_info`'s UNMASKED_RENDERER_WEBGL, else RENDERER) and picks Canvas on a software
 * one or where WebGL is missing, WebGL otherwise. `?renderer=webgl|canvas` overrides the choice.
 * https://developer.mozilla.org/en-US/docs/Web/API/WEBGL_debug_renderer_info
 */
export type RendererChoice = 'auto' | 'webgl' | 'canvas';

export interface RendererDecision {
  renderer: 'webgl' | 'canvas';
  /** Why, in words a teacher can read (on the canvas as data-renderer-reason). */
  reason: string;
}

/** `?renderer=canvas` or `?renderer=webgl`; anything else: automatic. */
export function parseRenderer(value: string | null): RendererChoice {
  return value === 'canvas' || value === 'webgl' ? value : 'auto';
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** True when the WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(rendererString: string): boolean {
  return SOFTWARE.test(rendererString);
}

/**
 * What draws WebGL in this browser: the renderer string, or null when WebGL is not available. The
 * probe's context is released at once (browsers cap live contexts).
 */
export function probeWebGL(doc: Document): string | null {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** The renderer for what was asked and what the probe saw (probe: null = no WebGL). */
export function chooseRenderer(asked: RendererChoice, probe: () => string | null): RendererDecision {
  if (asked === 'canvas') return { renderer: 'canvas', reason: 'asked for (?renderer=canvas)' };
  if (asked === 'webgl') return { renderer: 'webgl', reason: 'asked for (?renderer=webgl)' };
  const gpu = probe();
  if (gpu === null) return { renderer: 'canvas', reason: 'WebGL is not available' };
  if (isSoftwareRenderer(gpu))
    return { renderer: 'canvas', reason: `WebGL is drawn in software (${gpu}): Canvas is faster here` };
  return { renderer: 'webgl', reason: `WebGL on ${gpu}` };
}

/**
 * The decision as the page's Phaser build can honour it: one Phaser serves a page (src/game/load-game.ts),
 * so a game that wants WebGL on a page already running the Canvas-only build draws with Canvas.
 */
export function fitToBuild(
  decision: RendererDecision,
  build: RendererDecision['renderer'],
): RendererDecision {
  if (decision.renderer === 'webgl' && build === 'canvas')
    return {
      renderer: 'canvas',
      reason: `${decision.reason}, but this page already runs Phaser's Canvas-only build`,
    };
  return decision;
}
