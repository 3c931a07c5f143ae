/**
 * The Growth section's status: for each decree of the kingdom with growth bounds, its bounds, its rules
 * and why it last grew or shrank ("CPU 82% above the 60% target: +2"), read from Application Auto
 * Scaling's state. The same words the chronicle uses (src/i18n/growth-words.ts).
 */
import { scalingRuleWords, scalingWhyWords } from '../../i18n/growth-words.ts';
import type { NameMode } from '../../store/create-game-store.ts';
import type { Here } from '../../store/view-region.ts';
import { h, pick } from '../dom.ts';

/** One list item per scalable target of the player's region (its service's name first). */
export function growthStatus({ sim, ui }: Here, mode: NameMode): HTMLElement {
  const items = Object.values(sim.appAutoScaling.targets)
    .filter((t) => t.region === ui.region)
    .map((t) => {
      const name = t.ResourceId.slice(t.ResourceId.lastIndexOf('/') + 1);
      const svc = sim.services
        .values()
        .find(
          (s) =>
            s.serviceName === name &&
            t.ResourceId === `service/${s.clusterArn.slice(s.clusterArn.indexOf('/') + 1)}/${name}`,
        );
      const rules = Object.values(sim.appAutoScaling.policies).filter(
        (p) => p.ResourceId === t.ResourceId && p.region === t.region,
      );
      const last = sim.appAutoScaling.activities.find(
        (a) => a.ResourceId === t.ResourceId && a.region === t.region,
      );
      const lines = [
        h(
          'strong',
          {},
          pick(
            `Decree ${name}: ${svc?.desiredCount ?? '?'} developments, bounds ${t.MinCapacity} to ${t.MaxCapacity}`,
            `${t.ResourceId}: desired ${svc?.desiredCount ?? '?'}, min ${t.MinCapacity}, max ${t.MaxCapacity}`,
            mode,
          ),
        ),
        ...rules.map((p) => h('span', { class: 'growth-rule' }, scalingRuleWords(p, mode))),
        last
          ? h(
              'span',
              { class: 'growth-why', 'data-growth-why': name },
              last.why
                ? scalingWhyWords(last.why, mode)
                : pick(`Bounds changed: ${last.Cause}`, last.Cause, mode),
            )
          : h(
              'span',
              { class: 'growth-why' },
              pick('Has not grown or shrunk yet.', 'No scaling activity yet.', mode),
            ),
      ];
      return h('li', { class: 'growth-item', 'data-growth': name }, ...lines);
    });
  if (items.length === 0)
    return h(
      'p',
      { class: 'hint growth-status' },
      pick('No decree has growth bounds yet.', 'No scalable target registered yet.', mode),
    );
  return h('ul', { class: 'growth-status' }, ...items);
}
