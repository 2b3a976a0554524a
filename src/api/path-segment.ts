// A value placed in a URL path stays exactly one path segment: encoded, and refused when no
// encoding can keep it one (empty, "." and "..", which URL resolution removes) or when the API
// cannot hold it (control characters, more characters than its schema allows). The emulator
// applies the same rules to the requests it receives.
import { goQuote } from "../go/quote.js";

/** maxLength of the OpenAPI path parameters (`dbaas-service-name`, `dbaas-user-username`, `dbaas-kafka-acl-id`). */
export const SEGMENT_MAX_LENGTH = { "service name": 63, "service type": 63, username: 64, "ACL id": 40, "operation id": 36, "endpoint": 255, "endpoint ID": 36, "integration ID": 36 } as const;
export type SegmentKind = keyof typeof SEGMENT_MAX_LENGTH;

/** Longest segment of a kind the schema leaves open. */
const DEFAULT_MAX_LENGTH = 255;

/** Why `value` cannot be a path segment (undefined when it can). */
export function segmentProblem(value: string, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
  if (value === "") return "must not be empty";
  if (value === "." || value === "..") return '"." and ".." are not names';
  if (/\p{Cc}/u.test(value)) return "must not contain control characters";
  if (/\p{Cs}/u.test(value)) return "must be valid Unicode text";
  const length = [...value].length;
  if (length > maxLength) return `must be at most ${maxLength} characters long, got ${length}`;
  return undefined;
}

export class PathSegmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PathSegmentError";
  }
}

/** `value` encoded as one path segment. @throws PathSegmentError naming the value */
export function pathSegment(kind: SegmentKind, value: string): string {
  const problem = segmentProblem(value, SEGMENT_MAX_LENGTH[kind]);
  if (problem !== undefined) throw new PathSegmentError(`invalid ${kind} ${goQuote(value)}: ${problem}`);
  return encodeURIComponent(value);
}
