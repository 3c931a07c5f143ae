/**
 * The front door of every call: finds the action's input shape (AWS's, generated from botocore by
 * `npm run shapes`, or ours for `sim:` actions), walks the request against it, and hands the handler a
 * fresh copy holding only the members the shape knows, or answers with the service's error
 * (validate-errors.ts). Nothing the caller passed is ever kept by the model.
 */
import type { AwsError } from '../sim/types.ts';
import type { ServiceShapes } from './shape-types.ts';
import { AWS_SHAPES } from './shapes.generated.ts';
import { SIM_OPERATIONS, SIM_SHAPES } from './sim-shapes.ts';
import { walkRequest } from './validate.ts';
import { requestError } from './validate-errors.ts';

/** The handler's copy of the input, or the error; `deferred` is answered unless the handler refuses first. */
export type Checked = { input: Record<string, unknown>; deferred?: AwsError } | { error: AwsError };

export function serviceOf(action: string): string {
  return action.slice(0, Math.max(0, action.indexOf(':')));
}

/** The shapes of an action's service and its input shape's name; undefined for an action with no shape. */
export function requestShape(action: string): { service: ServiceShapes; shape: string | null } | undefined {
  if (action.startsWith('sim:')) {
    const shape = SIM_OPERATIONS[action];
    return shape === undefined ? undefined : { service: SIM_SHAPES, shape };
  }
  const shape = AWS_SHAPES.operations[action];
  const service = AWS_SHAPES.services[serviceOf(action)];
  return shape === undefined || !service ? undefined : { service, shape };
}

export function checkRequest(action: string, input: unknown): Checked {
  const found = requestShape(action);
  const svc = serviceOf(action);
  if (!found) {
    return { error: { name: 'InternalFailure', message: `No request shape is known for ${action}.` } };
  }
  if (found.shape === null) return { input: {} };
  const { value, problems } = walkRequest(found.service, found.shape, input);
  const refused = requestError(svc, found.service.protocol, problems);
  if (!refused) return { input: value as Record<string, unknown> };
  return refused.deferred
    ? { input: value as Record<string, unknown>, deferred: refused.error }
    : { error: refused.error };
}
