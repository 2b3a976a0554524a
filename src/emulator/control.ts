// The unsigned control API under /_emulator/ (loopback clients only), used by tests and scripts.
import type { IncomingMessage } from "node:http";
import type { FaultRule, FaultSettings } from "./faults.js";
import { isJsonObject, parseJson } from "./lossless-json.js";
import type { CannedResponse } from "./server.js";

export interface ControlTarget {
  faults: { configure(s: FaultSettings): void; inject(r: FaultRule): void; clear(): void; list(): unknown };
  requests(): unknown[];
  clearRequests(): void;
  reset(): Promise<void>;
  canned(c: CannedResponse): void;
  clearCanned(): void;
  cannedList(): CannedResponse[];
  url: string;
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
        const body = json();
        if (body.clear === true) t.faults.clear();
        if (typeof body.kind === "string") t.faults.inject(body as unknown as FaultRule);
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
        const body = json();
        if (typeof body.method !== "string" || typeof body.path !== "string" || !Number.isInteger(body.status)) {
          throw new Error("canned response needs method, path and status (body and headers optional)");
        }
        t.canned({ method: body.method, path: body.path, status: body.status as number, body: body.body ?? "", headers: body.headers as Record<string, string> | undefined });
        return ok;
      }
      case "DELETE /_emulator/canned":
        t.clearCanned();
        return ok;
    }
    return { status: 404, body: { message: `no control endpoint ${method} ${path}` } };
  };
}
