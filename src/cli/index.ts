/**
 * The CLI layer's one door: calls written as the exact AWS CLI v2 lines that make them, and the calls
 * that describe or recreate a thing of the world. Pure (it imports only the model): the inspector, the
 * level debriefs and the tests use it, and the console's parser will live beside it.
 */
export type { AwsThing } from './aws-thing.ts';
export * from './cli.ts';
export { type AwsExport, callListJson, exportFor } from './export.ts';
export { chronicleScript } from './script.ts';
