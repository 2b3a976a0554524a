// What a route's handler receives (routes.ts and external-endpoints.ts register handlers).
import type { Core } from "./core.js";
import type { Json } from "./lossless-json.js";

export interface RouteContext {
  core: Core;
  params: Record<string, string>;
  body: Json | undefined;
  headers: Record<string, string | string[] | undefined>;
  baseUrl: string;
}
