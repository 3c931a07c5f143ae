import { describe, expect, it } from 'vitest';
import {
  chooseRenderer,
  fitToBuild,
  isSoftwareRenderer,
  parseRenderer,
} from '../../src/game/renderer-choice.ts';

// Renderer strings as browsers report them (UNMASKED_RENDERER_WEBGL).
const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const WINDOWS_BASIC = 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)';
const INTEL = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';
const APPLE = 'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)';
const MALI = 'Mali-G52 MC2';

describe('the renderer choice', () => {
  it.each([
    [SWIFTSHADER, true],
    [LLVMPIPE, true],
    [WINDOWS_BASIC, true],
    ['Google SwiftShader', true],
    [INTEL, false],
    [APPLE, false],
    [MALI, false],
  ])('%s is software: %s', (name, software) => {
    expect(isSoftwareRenderer(name)).toBe(software);
  });

  it('automatic: Canvas on software WebGL or without WebGL, WebGL on a GPU', () => {
    expect(chooseRenderer('auto', () => SWIFTSHADER).renderer).toBe('canvas');
    expect(chooseRenderer('auto', () => SWIFTSHADER).reason).toContain('SwiftShader');
    expect(chooseRenderer('auto', () => null)).toEqual({
      renderer: 'canvas',
      reason: 'WebGL is not available',
    });
    expect(chooseRenderer('auto', () => INTEL)).toEqual({ renderer: 'webgl', reason: `WebGL on ${INTEL}` });
  });

  it('?renderer= overrides the automatic choice without probing', () => {
    const probe = () => {
      throw new Error('must not probe');
    };
    expect(chooseRenderer('webgl', probe).renderer).toBe('webgl');
    expect(chooseRenderer('canvas', probe).renderer).toBe('canvas');
  });

  it.each([
    ['canvas', 'canvas'],
    ['webgl', 'webgl'],
    ['WebGL', 'auto'],
    ['', 'auto'],
    [null, 'auto'],
  ] as const)('?renderer=%s is %s', (value, asked) => {
    expect(parseRenderer(value)).toBe(asked);
  });
});

describe("the renderer a page's Phaser build can give", () => {
  it('keeps any decision the build can draw', () => {
    const webgl = chooseRenderer('auto', () => INTEL);
    const canvas = chooseRenderer('auto', () => SWIFTSHADER);
    expect(fitToBuild(webgl, 'webgl')).toEqual(webgl);
    expect(fitToBuild(canvas, 'webgl')).toEqual(canvas);
    expect(fitToBuild(canvas, 'canvas')).toEqual(canvas);
  });

  it('draws with Canvas, and says why, when WebGL is wanted on a page with the Canvas-only build', () => {
    const fitted = fitToBuild(
      chooseRenderer('webgl', () => SWIFTSHADER),
      'canvas',
    );
    expect(fitted.renderer).toBe('canvas');
    expect(fitted.reason).toBe(
      "asked for (?renderer=webgl), but this page already runs Phaser's Canvas-only build",
    );
  });
});
