// The smallest Kafka exchange: an ApiVersions v0 request (no body) and the header of its answer.

const API_VERSIONS = 18;
/** an answer larger than this is not an ApiVersions response (an HTTP or TLS error page read as a length) */
const MAX_RESPONSE = 1 << 20;

export function apiVersionsRequest(correlationId: number, clientId: string): Buffer {
  const id = Buffer.from(clientId, "utf8");
  const body = Buffer.alloc(2 + 2 + 4 + 2 + id.length);
  body.writeInt16BE(API_VERSIONS, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(correlationId, 4);
  body.writeInt16BE(id.length, 8);
  id.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

export type ApiVersionsAnswer =
  | { kind: "incomplete" }
  | { kind: "kafka"; errorCode: number; apiCount: number }
  | { kind: "not-kafka"; reason: string };

/** Reads the answer from the bytes received so far. */
export function parseApiVersionsResponse(data: Buffer, correlationId: number): ApiVersionsAnswer {
  if (data.length < 4) return { kind: "incomplete" };
  const size = data.readInt32BE(0);
  if (size < 10 || size > MAX_RESPONSE) return { kind: "not-kafka", reason: "the answer is not a Kafka response" };
  if (data.length < 4 + size) return { kind: "incomplete" };
  if (data.readInt32BE(4) !== correlationId) return { kind: "not-kafka", reason: "the answer does not carry the request's correlation id" };
  const errorCode = data.readInt16BE(8);
  const apiCount = data.readInt32BE(10);
  return { kind: "kafka", errorCode, apiCount: apiCount < 0 ? 0 : apiCount };
}
