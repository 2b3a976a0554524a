import { readFileSync } from "node:fs";
import { parseLosslessJson } from "../../../src/kafka/validation/json.js";

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** GET /dbaas-settings-kafka as the live API served it: log cleaner keys flat, read with JSON.parse (2^63-1 rounded to 2^63). */
export const servedSettings: unknown = JSON.parse(read("settings-served.json"));

/** The same schemas as the API specification declares them: log cleaner keys nested, read losslessly (bigint bounds). */
export const specSettings: unknown = parseLosslessJson(read("settings-spec.json"));
