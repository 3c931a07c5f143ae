/**
 * An AppSpec as YAML, written the way AWS's tutorials write it (`version: 0.0`, then Resources and Hooks):
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-blue-green.html. CodeDeploy reads YAML
 * or JSON; the forms send YAML so the CLI line a player copies is the file they would keep.
 */
import { Document, Scalar } from 'yaml';

export interface AppSpec {
  Resources: Record<string, unknown>[];
  Hooks?: Record<string, string>[];
}

export function appSpecYaml(spec: AppSpec): string {
  // The tutorials' "0.0": a plain number would print as 0.
  const version = new Scalar(0);
  version.minFractionDigits = 1;
  return new Document({ version, ...spec }).toString();
}

/** The CreateDeployment revision that carries the AppSpec as content. */
export function appSpecRevision(spec: AppSpec): Record<string, unknown> {
  return { revisionType: 'AppSpecContent', appSpecContent: { content: appSpecYaml(spec) } };
}
