// The API's rules for the segments of a request path, the same the CLI applies before sending
// (src/api/path-segment.ts): a request naming an empty, ".", "..", control-character or over-long
// value gets 400 instead of reaching a different resource.
import { SEGMENT_MAX_LENGTH, segmentProblem } from "../api/path-segment.js";
import { badRequest } from "./api-error.js";

/** The raw path, before URL resolution removes "." and ".." segments (decoded "%2e%2e" too). @throws ApiError 400 */
export function checkRawPathSegments(rawUrl: string): void {
  const path = rawUrl.split("?")[0]!;
  if (!path.startsWith("/v2/")) return;
  for (const raw of path.slice("/v2/".length).split("/")) {
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw badRequest("malformed percent-encoding in the path");
    }
    const problem = segmentProblem(value);
    if (problem !== undefined) throw badRequest(`invalid path segment ${JSON.stringify(raw)}: ${problem}`);
  }
}

/** The most characters each route parameter may hold (the OpenAPI maxLength). */
const PARAM_MAX_LENGTH: Record<string, number> = {
  name: SEGMENT_MAX_LENGTH["service name"],
  type: SEGMENT_MAX_LENGTH["service type"],
  username: SEGMENT_MAX_LENGTH.username,
  id: SEGMENT_MAX_LENGTH["ACL id"],
  service: SEGMENT_MAX_LENGTH["service name"],
};

/** A matched route's decoded parameters. @throws ApiError 400 */
export function checkPathParams(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    const problem = segmentProblem(value, PARAM_MAX_LENGTH[name]);
    if (problem !== undefined) throw badRequest(`invalid ${name} ${JSON.stringify(value)}: ${problem}`);
  }
}
