/**
 * A small sandbox world built through a store, as a player builds it (a kingdom, two territories, a
 * plan, a decree of three developments), for share-link tests and the fixture link.
 */
import { encodeBase64 } from '../../src/model/index.ts';
import type { GameStore } from '../../src/store/create-game-store.ts';

export const AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

export function buildKingdom(store: GameStore): void {
  const s = store.getState();
  s.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const read = s.dispatch({ action: 'ssm:GetParameter', input: { Name: AMI_PARAMETER } });
  if ('error' in read) throw new Error(read.error.message);
  const ami = (read.output as { Parameter: { Value: string } }).Parameter.Value;
  for (const zone of ['a', 'b']) {
    store.getState().dispatch({
      action: 'ec2:RunInstances',
      input: {
        ImageId: ami,
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: `za-southwest-1${zone}` },
        UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'),
      },
    });
    store.getState().advance(7);
  }
  store.getState().advance(30);
  store.getState().dispatch({
    action: 'ecs:RegisterTaskDefinition',
    input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] },
  });
  store.getState().dispatch({
    action: 'ecs:CreateService',
    input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'web', desiredCount: 3 },
  });
  store.getState().advance(45);
}
