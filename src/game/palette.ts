/**
 * Colours of the world, from the Okabe-Ito set (colour-blind safe; PRODUCT.md "Palette"). Colour is
 * never the only signal: banners also differ by shape and pattern, states also by icon and text.
 */
export const OKABE_ITO = {
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
  black: 0x000000,
} as const;

export const COLORS = {
  sky: 0x1f2d4d,
  skyHigh: 0x14213d,
  star: 0xfff3c4,
  portal: OKABE_ITO.skyBlue,
  portalGlow: 0xa9dcf5,
  portalDark: 0x4a5566,
  crown: 0x16223a,
  ground: OKABE_ITO.orange,
  groundEdge: 0xb87800,
  plot: OKABE_ITO.yellow,
  plotEdge: 0x8a5a00,
  plotPending: 0xf7f0b0,
  managed: 0xf5d48a,
  managedHatch: 0xd99a1e,
  ruin: 0x9a9a9a,
  ruinEdge: 0x5e5e5e,
  stone: 0x9aa0a8,
  stoneDark: 0x4b5059,
  /** The lord's flag: white, so it is never mistaken for a plan's banner. */
  castleFlag: 0xffffff,
  disconnected: 0x8c8c8c,
  alarm: OKABE_ITO.vermillion,
  dark: 0x0b0f19,
  textOnDark: '#ffffff',
  textOnDarkSoft: '#cfe8f7',
  textOnLight: '#000000',
  textOnLightSoft: '#3d2a00',
} as const;

/**
 * Banner colours, one per task definition family in order of first registration. Orange and yellow
 * are the ground and vermillion means failure, so they are left out.
 */
export const BANNER_COLORS: readonly number[] = [
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.black,
  OKABE_ITO.skyBlue,
];

/** Banner shapes, one per revision (1 solid, 2 striped, ...), so editions differ without colour. */
export const BANNER_SHAPES = ['solid', 'striped', 'swallowtail', 'pennant', 'dotted', 'chevron'] as const;
export type BannerShape = (typeof BANNER_SHAPES)[number];

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

export function hex(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
