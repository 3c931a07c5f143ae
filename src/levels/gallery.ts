/**
 * The gallery: ready demos for blog posts and docs, as data. A demo is a campaign level's world with
 * its reference solution played through the clock ("show me"), so every demo is a scenario the level
 * tests already prove reaches its goals. `compare` names a demo to show beside this one (binpack next
 * to spread). Captions come in the story's words and in AWS's, for the `words` attribute.
 */

export interface Demo {
  /** The `demo` attribute: `<nozama-demo demo="canary">`. */
  id: string;
  title: string;
  /** One line in the story's words. */
  caption: string;
  /** The same line in AWS's words. */
  captionAws: string;
  /** The campaign level whose world and reference solution the demo plays. */
  level: string;
  /** A demo shown side by side with this one in the gallery. */
  compare?: string;
}

export const DEMOS: readonly Demo[] = [
  {
    id: 'spread',
    title: 'Spread across portals',
    caption: 'The steward spreads six developments over three portals, one per territory.',
    captionAws: 'A service of six tasks spread across three Availability Zones with distinctInstance.',
    level: 'decree-of-six',
  },
  {
    id: 'binpack',
    title: 'Binpack beside spread',
    caption: 'Packed tightly to free whole territories, beside the spread kingdom.',
    captionAws: 'The binpack placement strategy on memory, next to spread across zones.',
    level: 'pack-tightly',
    compare: 'spread',
  },
  {
    id: 'decree-heals',
    title: 'A decree heals a burnt building',
    caption: 'A development burns down and the decree raises another in its place.',
    captionAws: 'A task stops and the service scheduler starts a replacement to keep desiredCount.',
    level: 'decree-of-one',
  },
  {
    id: 'portal-outage',
    title: 'A portal collapses',
    caption: 'A whole portal goes dark; the decree rebuilds in the portals left standing.',
    captionAws: 'An Availability Zone outage; the service replaces its tasks in the remaining zones.',
    level: 'portal-collapses',
  },
  {
    id: 'drain',
    title: 'Draining a territory',
    caption: 'A territory is drained for repairs; its developments move before it closes.',
    captionAws: 'A container instance set to DRAINING; service tasks are replaced elsewhere first.',
    level: 'repairs',
  },
  {
    id: 'rolling',
    title: 'A rolling renovation',
    caption: 'Edition 2 replaces edition 1 a few developments at a time, the kingdom never closed.',
    captionAws: 'A rolling update bounded by minimumHealthyPercent and maximumPercent.',
    level: 'rolling-renovation',
  },
  {
    id: 'blue-green',
    title: 'The blue/green door swap',
    caption: 'Travelers switch from the blue road to the green one in a single swap of the doors.',
    captionAws: 'Blue/green: two target groups, the listeners swapped between them.',
    level: 'blue-green',
  },
  {
    id: 'canary',
    title: 'A canary',
    caption: 'A few travelers try edition 2 first; after the bake, everyone follows.',
    captionAws: 'An ECS-native CANARY deployment: canaryPercent, then the bake time, then 100%.',
    level: 'canary',
  },
  {
    id: 'linear-rollback',
    title: 'A linear shift rolled back',
    caption: 'Travelers move to edition 2 step by step until the watchtower sounds the horn.',
    captionAws: 'A LINEAR deployment rolled back by a CloudWatch alarm.',
    level: 'the-watchtower',
  },
  {
    id: 'spell',
    title: "The seed's spell",
    caption: "A spell's new edition takes its share of the incantations a step at a time.",
    captionAws: 'A Lambda alias shifting weight to a new version linearly, with an Errors check.',
    level: 'spells',
  },
  {
    id: 'managed-lands',
    title: 'Managed lands',
    caption: 'Developments without territories to tend: the crown keeps the land.',
    captionAws: 'Fargate tasks: awsvpc networking, task CPU and memory, no instances.',
    level: 'managed-lands',
  },
];

export function demoById(id: string): Demo | undefined {
  return DEMOS.find((d) => d.id === id);
}
