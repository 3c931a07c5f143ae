/** Scene and texture keys: one place, so a typo is a type error rather than a blank screen. */

export enum SceneKey {
  Boot = 'boot',
  /** Always running, draws nothing: drives simulated time and shows the scene for store.ui.place. */
  Director = 'director',
  Planet = 'planet',
  Region = 'region',
  Kingdom = 'kingdom',
  /** Drawn over the kingdom: the zoom buttons and the hint line (they do not move with the camera). */
  KingdomHud = 'kingdom-hud',
}

/** Textures baked from code at boot (see art.ts); all art is drawn for this project. */
export enum TextureKey {
  Castle = 'castle',
  CastleRuin = 'castle-ruin',
  House = 'house',
  HouseScaffold = 'house-scaffold',
  HouseStopped = 'house-stopped',
  Planet = 'planet',
}
