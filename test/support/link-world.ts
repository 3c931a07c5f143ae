/**
 * A small sandbox world as a player builds it (a kingdom, two territories, a plan, a decree of three
 * developments), for share-link tests, the fixture link and the browser tests (which send the same
 * calls through the page's store).
 */
import { type Call, encodeBase64 } from '../../src/model/index.ts';
import type { GameStore } from '../../src/store/create-game-store.ts';

export const AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';

/** Erects one territory of the kingdom Royaume in a zone of za-southwest-1 (`a`, `b` or `c`). */
export function territoryCall(ami: string, zone: string): Call {
  return {
    action: 'ec2:RunInstances',
    input: {
      ImageId: ami,
      InstanceType: 't3.medium',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: `za-southwest-1${zone}` },
      UserData: encodeBase64('#!/bin/bash\necho ECS_CLUSTER=Royaume >> /etc/ecs/ecs.config\n'),
    },
  };
}

export const PLAN_CALL: Call = {
  action: 'ecs:RegisterTaskDefinition',
  input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] },
};

export function buildKingdom(store: GameStore): void {
  const s = store.getState();
  s.dispatch({ action: 'ecs:CreateCluster', input: { clusterName: 'Royaume' } });
  const read = s.dispatch({ action: 'ssm:GetParameter', input: { Name: AMI_PARAMETER } });
  if ('error' in read) throw new Error(read.error.message);
  const ami = (read.output as { Parameter: { Value: string } }).Parameter.Value;
  for (const zone of ['a', 'b']) {
    store.getState().dispatch(territoryCall(ami, zone));
    store.getState().advance(7);
  }
  store.getState().advance(30);
  store.getState().dispatch(PLAN_CALL);
  store.getState().dispatch({
    action: 'ecs:CreateService',
    input: { cluster: 'Royaume', serviceName: 'mill', taskDefinition: 'web', desiredCount: 3 },
  });
  store.getState().advance(45);
}
