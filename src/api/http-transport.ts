// A small fetch-compatible transport over node:http/https with keep-alive agents.
//
// Why not the global fetch: on Node 20 the first call to fetch loads and compiles undici, which
// costs more than the whole rest of a short command's start-up. The ApiClient only needs a
// request, its status, headers and text, so this keeps the fetch shape on the lighter modules.
// TLS uses Node's own trust store, so NODE_EXTRA_CA_CERTS works as with fetch.
import http from "node:http";
import type https from "node:https";

export interface TransportInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The subset of Headers the client uses. */
export class ResponseHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(raw: http.IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.map.entries();
  }
}

export interface TransportResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  text(): Promise<string>;
}

type Protocol = "http:" | "https:";

/** One keep-alive agent per protocol; node:https (TLS) is loaded only for an https URL, as it costs ~10 ms. */
const modules = new Map<Protocol, Promise<{ request: typeof http.request; agent: http.Agent }>>();

function transportFor(protocol: Protocol): Promise<{ request: typeof http.request; agent: http.Agent }> {
  let entry = modules.get(protocol);
  if (!entry) {
    entry =
      protocol === "http:"
        ? Promise.resolve({ request: http.request, agent: new http.Agent({ keepAlive: true }) })
        : import("node:https").then((m: { default: typeof https }) => ({ request: m.default.request, agent: new m.default.Agent({ keepAlive: true }) }));
    modules.set(protocol, entry);
  }
  return entry;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : Object.assign(new Error("The operation was aborted"), { name: "AbortError" });
}

/** Sends one request; resolves once the whole body has arrived (a cut-off body rejects). */
export async function httpFetch(url: string, init: TransportInit = {}): Promise<TransportResponse> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new TypeError(`unsupported protocol ${target.protocol}`);
  const { request: send, agent } = await transportFor(target.protocol);
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers["Content-Length"] = Buffer.byteLength(init.body);
    const request = send(target, { method: init.method ?? "GET", headers, agent });
    const onAbort = () => request.destroy(abortError(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);

    request.on("error", (error) => {
      done();
      reject(error);
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => {
        done();
        reject(error);
      });
      response.on("close", () => {
        done();
        if (!response.complete) {
          reject(Object.assign(new Error("response body cut off before its end"), { code: "ECONNRESET" }));
          return;
        }
        const body = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? "",
          headers: new ResponseHeaders(response.headers),
          text: async () => body,
        });
      });
    });
    request.end(init.body);
  });
}
