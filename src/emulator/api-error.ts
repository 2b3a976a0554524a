// An error answered to the client as `{"message": ...}` with the given HTTP status.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = () => new ApiError(404, "resource not found");
export const badRequest = (message: string) => new ApiError(400, message);
