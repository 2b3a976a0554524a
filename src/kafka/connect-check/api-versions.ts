// Kafka's framing for the few requests the probe sends (request header v1, response header v0): ApiVersions v0
// (no body), then for SASL, SaslHandshake v1 and SaslAuthenticate v1.

export const API_VERSIONS = 18;
export const SASL_HANDSHAKE = 17;
export const SASL_AUTHENTICATE = 36;
/** an answer larger than this is not one of these responses (an HTTP or TLS error page read as a length) */
const MAX_RESPONSE = 1 << 20;

const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
export const kafkaString = (s: string) => Buffer.concat([int16(Buffer.byteLength(s)), Buffer.from(s, "utf8")]);
export const kafkaBytes = (b: Buffer) => Buffer.concat([int32(b.length), b]);

export function kafkaRequest(apiKey: number, version: number, correlationId: number, clientId: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const message = Buffer.concat([int16(apiKey), int16(version), int32(correlationId), kafkaString(clientId), body]);
  return Buffer.concat([int32(message.length), message]);
}

export const apiVersionsRequest = (correlationId: number, clientId: string) => kafkaRequest(API_VERSIONS, 0, correlationId, clientId);

export type ResponseFrame = { kind: "incomplete" } | { kind: "frame"; body: Buffer; rest: Buffer } | { kind: "not-kafka"; reason: string };

/** One response from the bytes received so far: its body after the correlation id, and what follows it. */
export function parseResponseFrame(data: Buffer, correlationId: number): ResponseFrame {
  if (data.length < 4) return { kind: "incomplete" };
  const size = data.readInt32BE(0);
  if (size < 4 || size > MAX_RESPONSE) return { kind: "not-kafka", reason: "the answer is not a Kafka response" };
  if (data.length < 4 + size) return { kind: "incomplete" };
  if (data.readInt32BE(4) !== correlationId) return { kind: "not-kafka", reason: "the answer does not carry the request's correlation id" };
  return { kind: "frame", body: data.subarray(8, 4 + size), rest: data.subarray(4 + size) };
}

/** A cursor over a response body; reading past its end throws RangeError. */
export class BodyReader {
  private offset = 0;
  constructor(private readonly body: Buffer) {}
  int16(): number {
    const v = this.body.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  int32(): number {
    const v = this.body.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  /** a STRING or NULLABLE_STRING (null as undefined) */
  string(): string | undefined {
    const length = this.int16();
    if (length < 0) return undefined;
    return this.take(length).toString("utf8");
  }
  bytes(): Buffer {
    const length = this.int32();
    return length < 0 ? Buffer.alloc(0) : this.take(length);
  }
  private take(length: number): Buffer {
    if (this.offset + length > this.body.length) throw new RangeError("response body too short");
    const slice = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

export type ApiVersionsAnswer =
  | { kind: "incomplete" }
  | { kind: "kafka"; errorCode: number; apiCount: number }
  | { kind: "not-kafka"; reason: string };

export function parseApiVersionsBody(body: Buffer): ApiVersionsAnswer {
  if (body.length < 6) return { kind: "not-kafka", reason: "the answer is too short for ApiVersions" };
  const reader = new BodyReader(body);
  const errorCode = reader.int16();
  const apiCount = reader.int32();
  return { kind: "kafka", errorCode, apiCount: apiCount < 0 ? 0 : apiCount };
}

/** The ApiVersions answer from the bytes received so far. */
export function parseApiVersionsResponse(data: Buffer, correlationId: number): ApiVersionsAnswer {
  const frame = parseResponseFrame(data, correlationId);
  return frame.kind === "frame" ? parseApiVersionsBody(frame.body) : frame;
}
