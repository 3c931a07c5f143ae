/** Scene and texture keys: one place, so a typo is a type error rather than a blank screen. */

export enum SceneKey {
  Boot = 'boot',
  Kingdom = 'kingdom',
}

/** Textures baked from code at boot (see art.ts); all art is drawn for this project. */
export enum TextureKey {
  Castle = 'castle',
  CastleRuin = 'castle-ruin',
  House = 'house',
  HouseScaffold = 'house-scaffold',
  HouseStopped = 'house-stopped',
}
