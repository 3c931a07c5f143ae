/**
 * The Phaser the game ships: Phaser 4 built from its own sources (`phaser/src`) with only what the
 * scenes use, instead of the prebuilt `phaser.esm.js` (physics, sound, tilemaps, particles, the
 * loader's file types, video, DOM elements, the gamepad: 355 KB gz of which the game used a part).
 *
 * vite.config.ts points `import Phaser from 'phaser'` here in builds (build/phaser-build.ts);
 * the types still come from Phaser's own `.d.ts`, so the game's code does not change. The shape of the
 * namespace follows Phaser's `src/phaser-core.js`. Requiring a factory or creator module registers its
 * `scene.add.X` / `scene.make.X`: a game object the scenes make must be listed here, or `add.X` is
 * undefined at run time (the browser tests open every scene, so a missing one fails them).
 *
 * The namespace holds what the game's code reaches at run time (classes it extends or constructs, event
 * names, constants); the rest of Phaser's namespace is types only here.
 *
 * Both renderers stay: WebGL when the GPU is real, Canvas on software rasterisers (src/game/renderer-choice.ts).
 */
// First: Phaser's renderer modules require each other in a cycle (renderer/index -> webgl -> renderNodes
// -> BatchHandlerQuad -> BatchHandler -> renderer/index) that only resolves when entered at the index,
// as Phaser's own entries do; entered from core/Game, BatchHandlerQuad extends an undefined class.
import 'phaser-src/renderer/index.js';
import Scene2D from 'phaser-src/cameras/2d/index.js';
import CONST from 'phaser-src/const.js';
import 'phaser-src/events/EventEmitter.js';
import Game from 'phaser-src/core/Game.js';
import Core from 'phaser-src/core/index.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import DisplayList from 'phaser-src/gameobjects/DisplayList.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import GameObjectCreator from 'phaser-src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser-src/gameobjects/GameObjectFactory.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import 'phaser-src/gameobjects/graphics/GraphicsCreator.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import 'phaser-src/gameobjects/text/TextCreator.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import UpdateList from 'phaser-src/gameobjects/UpdateList.js';
import Zone from 'phaser-src/gameobjects/zone/Zone.js';
import 'phaser-src/gameobjects/zone/ZoneFactory.js';
import InputConst from 'phaser-src/input/const.js';
import InputEvents from 'phaser-src/input/events/index.js';
import InputPlugin from 'phaser-src/input/InputPlugin.js';
import Keyboard from 'phaser-src/input/keyboard/index.js';
import Pointer from 'phaser-src/input/Pointer.js';
import Vector2 from 'phaser-src/math/Vector2.js';
import Scale from 'phaser-src/scale/index.js';
import Scenes from 'phaser-src/scene/index.js';
import Scene from 'phaser-src/scene/Scene.js';
import Textures from 'phaser-src/textures/index.js';
import Time from 'phaser-src/time/index.js';
import Tweens from 'phaser-src/tweens/index.js';
import Extend from 'phaser-src/utils/object/Extend.js';

const Phaser = Extend(
  false,
  {
    Cameras: { Scene2D },
    Core,
    Game,
    GameObjects: {
      Container,
      DisplayList,
      GameObject,
      GameObjectCreator,
      GameObjectFactory,
      Graphics,
      Image,
      Text,
      UpdateList,
      Zone,
    },
    Input: { ...InputConst, Events: InputEvents, InputPlugin, Keyboard, Pointer },
    Math: { Vector2 },
    Scale,
    Scene,
    Scenes,
    Textures,
    Time,
    Tweens,
  },
  CONST,
);

export default Phaser;
