/**
 * The form of the request-shape table: AWS's published service models (botocore's service-2.json),
 * cut down to what a request can carry. Typed data, so the validator, and later the console's parser,
 * help and completion, read the same table. `doc` is optional and left out of the generated table to
 * keep it small.
 */

/** How a service's requests travel; it decides the error a bad request gets (validate-errors.ts). */
export type Protocol = 'json' | 'rest-json' | 'query' | 'ec2' | 'sim';

export interface Member {
  /** The shape's name in its service's table. */
  readonly shape: string;
  /** Where a rest-json member travels (uri, querystring, header); absent: the body. */
  readonly location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  readonly doc?: string;
}

interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

export type Shape =
  | ({
      readonly type: 'structure';
      readonly members: Readonly<Record<string, Member>>;
      readonly required?: readonly string[];
      /** A document: any JSON value, copied whole (ECS's hookDetails). */
      readonly document?: true;
      readonly doc?: string;
    } & Bounds)
  | ({ readonly type: 'list'; readonly member: string; readonly doc?: string } & Bounds)
  | ({ readonly type: 'map'; readonly key: string; readonly value: string; readonly doc?: string } & Bounds)
  | ({
      readonly type: 'string';
      readonly enum?: readonly string[];
      readonly pattern?: string;
      readonly doc?: string;
    } & Bounds)
  | ({ readonly type: 'integer' | 'long' | 'double' | 'float'; readonly doc?: string } & Bounds)
  | { readonly type: 'boolean' | 'timestamp'; readonly doc?: string }
  | ({ readonly type: 'blob'; readonly doc?: string } & Bounds);

export interface ServiceShapes {
  /** botocore's name for the service model and its version, or `nozama` for the sim: actions. */
  readonly source: string;
  readonly protocol: Protocol;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export interface ShapeTable {
  readonly services: Readonly<Record<string, ServiceShapes>>;
  /** Every action the model answers -> its input shape in its service (null: the action takes no input). */
  readonly operations: Readonly<Record<string, string | null>>;
}
