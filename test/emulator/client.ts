// A minimal signed client for the emulator tests (the project's own API client is tested elsewhere).
import { signRequest } from "../../src/api/sign.js";
import type { Emulator } from "../../src/emulator/index.js";

export interface CallOptions {
  /** raw body text; `json` is serialized with JSON.stringify */
  body?: string;
  json?: unknown;
  secret?: string;
  key?: string;
  expires?: number;
  headers?: Record<string, string>;
  unsigned?: boolean;
}

export async function call(emu: Emulator, method: string, path: string, opts: CallOptions = {}) {
  const url = emu.url + path;
  const body = opts.body ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json));
  const headers: Record<string, string> = { ...opts.headers };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (!opts.unsigned) {
    headers.authorization = signRequest({
      method,
      url,
      body,
      key: opts.key ?? emu.apiKey,
      secret: opts.secret ?? emu.apiSecret,
      expires: opts.expires ?? Math.floor(Date.now() / 1000) + 600,
    });
  }
  const res = await fetch(url, { method, body, headers });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
