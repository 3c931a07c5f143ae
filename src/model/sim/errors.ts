/** AWS-style errors: the name is AWS's error code, the message follows AWS's wording. */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const clientException = (message: string): ApiError => new ApiError('ClientException', message);
export const invalidParameter = (message: string): ApiError =>
  new ApiError('InvalidParameterException', message);
