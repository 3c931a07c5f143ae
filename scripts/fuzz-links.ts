/**
 * `npm run fuzz:links [count] [seed]`: the share-link fuzz at full size (100,000 mutated links by
 * default). Prints its counts and exits non-zero on any crash or any world changed by a refusal.
 */
import { createGameStore } from '../src/store/create-game-store.ts';
import { encodeLink, linkWorldOf } from '../src/store/share-link.ts';
import { fuzzLinks } from '../test/support/link-fuzz.ts';
import { buildKingdom } from '../test/support/link-world.ts';

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 2026);
const source = createGameStore({ seed: 42 });
buildKingdom(source);
const link = `#${encodeLink(linkWorldOf(source.getState().save(), null, source.getState().ui.region))}`;
const started = process.hrtime.bigint();
const counts = fuzzLinks(link, count, seed);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`fuzzed ${count} mutated links (seed ${seed}) in ${seconds.toFixed(1)} s`);
console.log(`  refused with a message: ${counts.refused}`);
for (const [reason, n] of Object.entries(counts.reasons).sort((a, b) => b[1] - a[1]))
  console.log(`    ${n}  ${reason}`);
console.log(`  opened: ${counts.opened}`);
console.log(`  crashed: ${counts.crashed.length}`);
console.log(`  world changed on refusal: ${counts.changedOnRefusal.length}`);
for (const c of counts.crashed.slice(0, 5)) console.log(`    crash: ${c.slice(0, 300)}`);
if (counts.crashed.length || counts.changedOnRefusal.length) process.exit(1);
