/**
 * The English catalog: one file per part of the game (a translation copies this folder). Every
 * other language's catalog is checked against this one's ids by the type system.
 */
import { BUILD } from './build.ts';
import { CAMPAIGN } from './campaign.ts';
import { CONSOLE } from './console.ts';
import { FRAME } from './frame.ts';

export const EN = { ...FRAME, ...BUILD, ...CAMPAIGN, ...CONSOLE } as const;
