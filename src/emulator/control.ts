// The unsigned control API under /_emulator/ (loopback clients only), used by tests and scripts.
import { validateHeaderName, validateHeaderValue, type IncomingMessage } from "node:http";
import { checkFields, checks, ControlFieldError, type FaultRule, type FaultSettings } from "./faults.js";
import { isJsonObject, parseJson } from "./lossless-json.js";
import type { CannedResponse } from "./server.js";

/** Headers the emulator sets itself from the body it sends. */
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding", "connection"]);

function checkHeaders(value: unknown): string | undefined {
  if (!isJsonObject(value as never)) return "must be an object of header names to string values";
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== "string") return `${JSON.stringify(name)} must have a string value`;
    try {
      validateHeaderName(name);
      validateHeaderValue(name, v);
    } catch {
      return `${JSON.stringify(name)} is not a valid header name and value (no CR, LF or other control characters)`;
    }
    if (FRAMING_HEADERS.has(name.toLowerCase())) return `${JSON.stringify(name)} is set by the emulator itself`;
  }
  return undefined;
}

const CANNED_FIELDS = {
  method: checks.method,
  path: checks.path,
  // a final response: 1xx are interim answers, never the whole response
  status: checks.integer(200, 599),
  body: () => undefined,
  headers: checkHeaders,
};

/** A canned response as the control API and Emulator.canned() accept it, or ControlFieldError naming the bad field. */
export function checkCanned(canned: CannedResponse): CannedResponse {
  checkFields(canned, CANNED_FIELDS);
  for (const field of ["method", "path", "status"] as const) {
    if (canned[field] === undefined) throw new ControlFieldError(field, "is required (a canned response needs method, path and status; body and headers are optional)");
  }
  return canned;
}

export interface ControlTarget {
  faults: { configure(s: FaultSettings): void; inject(r: FaultRule): void; clear(): void; list(): unknown };
  requests(): unknown[];
  clearRequests(): void;
  reset(): Promise<void>;
  canned(c: CannedResponse): void;
  clearCanned(): void;
  cannedList(): CannedResponse[];
  url: string;
  /** kills or starts again one broker of a service's real cluster */
  brokerNode(action: "kill" | "start", service: string, node: number): Promise<{ status: number; message?: string }>;
}

const BROKER_NODE_FIELDS = {
  service: (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= 63 ? undefined : "must be a service name"),
  node: checks.integer(1, 9),
};

/** `{"service": NAME, "node": N}`, both required, nothing else. */
function checkBrokerNode(body: Record<string, unknown>): { service: string; node: number } {
  checkFields(body, BROKER_NODE_FIELDS);
  for (const field of ["service", "node"] as const) {
    if (body[field] === undefined) throw new ControlFieldError(field, "is required (a broker is named by its service and node number, 1 to N)");
  }
  return body as { service: string; node: number };
}

export function controlApi(target: () => ControlTarget) {
  return async (req: IncomingMessage, path: string, raw: Buffer): Promise<{ status: number; body: unknown }> => {
    const t = target();
    const method = req.method ?? "GET";
    const json = () => {
      const v = raw.length ? parseJson(raw.toString("utf8")) : {};
      if (!isJsonObject(v)) throw new Error("expected a JSON object");
      return v as Record<string, unknown>;
    };
    const ok = { status: 200, body: { ok: true } };
    switch (`${method} ${path}`) {
      case "GET /_emulator/health":
        return { status: 200, body: { ok: true, url: t.url } };
      case "GET /_emulator/faults":
        return { status: 200, body: t.faults.list() };
      case "POST /_emulator/faults": {
        const { clear, ...body } = json();
        if (clear !== undefined && typeof clear !== "boolean") throw new ControlFieldError("clear", "must be true or false");
        if (clear === true) t.faults.clear();
        if ("kind" in body) t.faults.inject(body as unknown as FaultRule);
        else t.faults.configure(body as FaultSettings);
        return { status: 200, body: t.faults.list() };
      }
      case "DELETE /_emulator/faults":
        t.faults.clear();
        return ok;
      case "GET /_emulator/requests":
        return { status: 200, body: { requests: t.requests() } };
      case "POST /_emulator/requests/clear":
        t.clearRequests();
        return ok;
      case "POST /_emulator/reset":
        await t.reset();
        return ok;
      case "GET /_emulator/canned":
        return { status: 200, body: { canned: t.cannedList() } };
      case "POST /_emulator/canned": {
        const body = checkCanned(json() as unknown as CannedResponse);
        t.canned({ ...body, body: body.body ?? "" });
        return ok;
      }
      case "DELETE /_emulator/canned":
        t.clearCanned();
        return ok;
      case "POST /_emulator/broker/kill":
      case "POST /_emulator/broker/start": {
        const { service, node } = checkBrokerNode(json());
        const result = await t.brokerNode(path.endsWith("/kill") ? "kill" : "start", service, node);
        return result.status === 200 ? ok : { status: result.status, body: { message: result.message } };
      }
    }
    return { status: 404, body: { message: `no control endpoint ${method} ${path}` } };
  };
}
