/**
 * The big kingdom of the frame benchmark and of the scenes' browser test, built with real calls
 * through the store (window.__nozama): 100 territories (t3.medium, 34/33/33 over the three zones,
 * one RunInstances call per zone), two plans, and ten decrees of 100 developments each, spread over
 * the zones and then over the territories, so each territory holds exactly 10. Time is advanced by
 * the store until every development is RUNNING (about 26 simulated seconds).
 *
 * It runs inside the page (page.evaluate serialises it): it uses nothing from its module.
 */
export interface BigWorld {
  territories: number;
  developments: number;
  running: number;
  seconds: number;
}

export function buildBigWorld(): BigWorld {
  const bridge = (window as unknown as { __nozama?: { store: any } }).__nozama;
  if (!bridge) throw new Error('no test bridge');
  const store = bridge.store;
  const state = () => store.getState();
  const must = (action: string, input: Record<string, unknown>): any => {
    const r = state().dispatch({ action, input });
    if ('error' in r) throw new Error(`${action}: ${r.error.name}: ${r.error.message}`);
    return r.output;
  };
  must('ecs:CreateCluster', { clusterName: 'Royaume' });
  const ami = must('ssm:GetParameter', {
    Name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  }).Parameter.Value;
  const userData = btoa('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n');
  [34, 33, 33].forEach((n, i) => {
    must('ec2:RunInstances', {
      ImageId: ami,
      InstanceType: 't3.medium',
      MinCount: n,
      MaxCount: n,
      Placement: { AvailabilityZone: `za-southwest-1${'abc'[i]}` },
      UserData: userData,
    });
  });
  must('ecs:RegisterTaskDefinition', {
    family: 'bakery',
    containerDefinitions: [
      { name: 'oven', image: 'bakery/oven:1', cpu: 64, memory: 128, essential: true },
      { name: 'shop', image: 'bakery/shop:1', cpu: 64, memory: 128, essential: false },
    ],
  });
  must('ecs:RegisterTaskDefinition', {
    family: 'mill',
    containerDefinitions: [{ name: 'wheel', image: 'mill/wheel:1', cpu: 128, memory: 256, essential: true }],
  });
  for (let k = 0; k < 10; k++) {
    must('ecs:CreateService', {
      cluster: 'Royaume',
      serviceName: `decree-${k}`,
      taskDefinition: k % 2 ? 'mill' : 'bakery',
      desiredCount: 100,
      launchType: 'EC2',
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ],
    });
  }
  const running = () =>
    state()
      .sim.tasks.values()
      .filter((t: { lastStatus: string }) => t.lastStatus === 'RUNNING').length;
  let seconds = 0;
  while (running() < 1000 && seconds < 900) {
    state().advance(1);
    seconds++;
  }
  return {
    territories: state().sim.instances.size,
    developments: state().sim.tasks.size,
    running: running(),
    seconds,
  };
}
