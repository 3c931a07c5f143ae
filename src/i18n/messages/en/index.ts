/**
 * The English catalog: one file per part of the game (a translation copies this folder). Every
 * other language's catalog is checked against this one's ids by the type system.
 */
import { BUILD } from './build.ts';
import { CAMPAIGN } from './campaign.ts';
import { CANVAS } from './canvas.ts';
import { CHRONICLE } from './chronicle.ts';
import { CONSOLE } from './console.ts';
import { EMBED } from './embed.ts';
import { FRAME } from './frame.ts';
import { GUIDE } from './guide.ts';
import { HINTS } from './hints.ts';
import { INSPECTOR } from './inspector.ts';
import { WORLD } from './world.ts';

export const EN = {
  ...FRAME,
  ...BUILD,
  ...CAMPAIGN,
  ...CANVAS,
  ...CHRONICLE,
  ...CONSOLE,
  ...EMBED,
  ...GUIDE,
  ...HINTS,
  ...INSPECTOR,
  ...WORLD,
} as const;
