/**
 * Where a plan may stand (requiresCompatibilities): territories (EC2) or managed lands (Fargate), and
 * on managed lands the task size, from Fargate's table of CPU and memory pairs.
 */
import { isFargateSize, type TaskDefinition } from '../../model/index.ts';
import { field, h, setOptions, uid, words } from '../dom.ts';

const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384];

export function fargateMemories(cpu: number): number[] {
  const out: number[] = [];
  for (let m = 512; m <= 122880; m += 512) if (isFargateSize(cpu, m)) out.push(m);
  return out;
}

export function createCompatField() {
  const name = uid('compat');
  const ec2 = h('input', { type: 'radio', name, value: 'EC2', id: uid('ec2'), checked: true });
  const fargate = h('input', { type: 'radio', name, value: 'FARGATE', id: uid('fg') });
  const cpu = field(words('Size on managed lands: CPU', 'Task CPU (units)'), h('select', { name: 'cpu' }));
  const memory = field(
    words('Size on managed lands: memory', 'Task memory (MiB)'),
    h('select', { name: 'memory' }),
  );
  setOptions(
    cpu.control,
    FARGATE_CPU.map((c) => ({ value: String(c), label: `${c} (${c / 1024} vCPU)` })),
    '256',
  );
  const syncMemory = () =>
    setOptions(
      memory.control,
      fargateMemories(Number(cpu.control.value)).map((m) => ({
        value: String(m),
        label: `${m} MiB (${m / 1024} GB)`,
      })),
    );
  const size = h('div', { class: 'fargate-size' }, cpu.root, memory.root);
  const syncSize = () => {
    size.hidden = !fargate.checked;
  };
  cpu.control.addEventListener('change', syncMemory);
  ec2.addEventListener('change', syncSize);
  fargate.addEventListener('change', syncSize);
  syncMemory();
  syncSize();
  const root = h(
    'fieldset',
    { class: 'subfieldset radios' },
    h('legend', {}, words('Where it may stand', 'Launch compatibility (requiresCompatibilities)')),
    h('label', { for: ec2.id, class: 'check' }, ec2, words('territories', 'EC2')),
    h('label', { for: fargate.id, class: 'check' }, fargate, words('managed lands', 'Fargate')),
    size,
  );
  return {
    root,
    /** The RegisterTaskDefinition members it sets: requiresCompatibilities, and cpu and memory on Fargate. */
    input(): Record<string, unknown> {
      return fargate.checked
        ? { requiresCompatibilities: ['FARGATE'], cpu: cpu.control.value, memory: memory.control.value }
        : { requiresCompatibilities: ['EC2'] };
    },
    /** Takes an edition's compatibilities and size (a new edition starts from it). */
    load(td: TaskDefinition) {
      // DescribeTaskDefinition leaves requiresCompatibilities out when the registration named none.
      const onFargate = (td.requiresCompatibilities ?? []).includes('FARGATE');
      fargate.checked = onFargate;
      ec2.checked = !onFargate;
      syncSize();
      if (td.cpu) {
        cpu.control.value = td.cpu;
        syncMemory();
      }
      if (td.memory) memory.control.value = td.memory;
    },
  };
}
