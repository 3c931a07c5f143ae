/**
 * Tab completion for the console, from the same tables the parser reads: `aws`, the services, their
 * commands, a command's options (those not given yet, and the global ones), an option's possible
 * values (enums, --output's formats) and the names of things that exist in the world (clusters,
 * services, task definitions, target groups), which the view hands in.
 */
import type { Shape } from '../../model/index.ts';
import { cliCommands, findOperation } from '../parse/index.ts';

export interface WorldNames {
  readonly clusters: readonly string[];
  readonly services: readonly string[];
  readonly taskDefinitions: readonly string[];
  readonly targetGroups: readonly string[];
  readonly regions: readonly string[];
}

export interface Completion {
  /** Where the word being completed starts in the text. */
  readonly from: number;
  /** Candidates, each a whole word. */
  readonly items: readonly string[];
}

const GLOBAL_OPTIONS = ['--region', '--output', '--query', '--no-paginate', '--cli-binary-format'];
const EXTRA_OPTIONS = ['--cli-input-json', '--generate-cli-skeleton'];

/** Which names an option's value is, by the option's name. */
function namesFor(option: string, world: WorldNames): readonly string[] | null {
  if (option === '--region') return world.regions;
  if (option === '--output') return ['json', 'text', 'table'];
  if (/^--clusters?$/.test(option)) return world.clusters;
  if (/^--(services?|service-name)$/.test(option)) return world.services;
  if (/^--task-definition$/.test(option)) return world.taskDefinitions;
  if (/^--target-group-arns?$/.test(option)) return world.targetGroups;
  return null;
}

export function completions(text: string, world: WorldNames): Completion {
  const lineStart = text.lastIndexOf('\n') + 1;
  const line = text.slice(lineStart);
  const match = /\S*$/.exec(line);
  const current = match ? match[0] : '';
  const from = text.length - current.length;
  const before = line.slice(0, line.length - current.length).trim();
  const words = before === '' ? [] : before.split(/\s+/);
  const pick = (items: Iterable<string>) => ({
    from,
    items: [...items].filter((x) => x.startsWith(current)).sort(),
  });
  if (words.length === 0) return pick(['aws']);
  if (words[0] !== 'aws') return { from, items: [] };
  const positional = words.filter(
    (w, i) => i > 0 && !w.startsWith('-') && !(words[i - 1] ?? '').startsWith('--'),
  );
  const services = cliCommands();
  const previous = words[words.length - 1] ?? '';
  if (previous.startsWith('--') && !current.startsWith('-')) {
    const names = namesFor(previous, world);
    if (names) return pick(names);
  }
  if (positional.length === 0 && !current.startsWith('-')) return pick([...services.keys(), 'help']);
  const service = positional[0] as string;
  if (positional.length === 1 && !current.startsWith('-'))
    return pick([...(services.get(service)?.keys() ?? []), 'help']);
  const op = findOperation(service, positional[1] ?? '');
  if (!op) return { from, items: [] };
  if (previous.startsWith('--') && !current.startsWith('-')) {
    const arg = op.args.get(previous.slice(2));
    if (arg?.kind.type === 'member') {
      const shape = op.shapes.shapes[arg.kind.shape] as Shape;
      const member = shape.type === 'list' ? (op.shapes.shapes[shape.member] as Shape) : shape;
      if (member.type === 'string' && member.enum) return pick(member.enum);
    }
  }
  const used = new Set(words.filter((w) => w.startsWith('--')));
  const options = [...op.args.keys()].map((n) => `--${n}`).filter((o) => !used.has(o));
  return pick([...options, ...GLOBAL_OPTIONS.filter((o) => !used.has(o)), ...EXTRA_OPTIONS]);
}
