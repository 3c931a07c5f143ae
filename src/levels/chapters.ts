/** The campaign's chapters: one idea each, in the order a newcomer to ECS meets them. */
import type { Chapter } from './types.ts';

export const ALL_CHAPTERS: Chapter[] = [
  {
    number: 1,
    title: 'Landfall',
    blurb: 'Regions, portals and territories: where computers live and how they join a kingdom.',
  },
  {
    number: 2,
    title: 'Plans and developments',
    blurb: 'Task definitions and the tasks the steward places from them.',
  },
  { number: 3, title: 'Decrees', blurb: 'Services keep N tasks standing, across Availability Zones.' },
  {
    number: 4,
    title: "The steward's rules",
    blurb: 'Placement strategies and constraints: binpack, spread, memberOf.',
  },
  {
    number: 5,
    title: 'Storms and repairs',
    blurb: 'Zone failures, draining and rolling updates without downtime.',
  },
  { number: 6, title: 'The gate', blurb: 'Load balancers, listeners, target groups and health checks.' },
  {
    number: 7,
    title: 'Renovations',
    blurb: 'Blue/green swaps, canary and linear traffic shifts, and the alarm that rolls back.',
  },
  { number: 8, title: 'Spells', blurb: 'Lambda versions and aliases, shifted a step at a time.' },
  { number: 9, title: 'Managed lands', blurb: 'Fargate: tasks without instances to tend.' },
  { number: 10, title: 'The crown', blurb: 'Everything at once, with no hints.' },
  {
    number: 11,
    title: 'The kingdom grows',
    blurb: 'Auto scaling: decrees that follow their travelers, territories that come and go by themselves.',
  },
];
