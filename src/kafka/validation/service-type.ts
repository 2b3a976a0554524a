// Plan names and Kafka versions, checked against GET /dbaas-service-type/kafka.

import { InputError } from "./errors.js";
import { goQuote } from "../../go/quote.js";
import { closestName } from "./suggest.js";

/** A plan as listed by the service type (only `name` is read). */
export interface PlanLike {
  name?: unknown;
}

function names(plans: readonly (PlanLike | string)[]): string[] {
  return plans.flatMap((p) => (typeof p === "string" ? [p] : typeof p?.name === "string" ? [p.name] : []));
}

function didYouMean(input: string, candidates: string[]): string {
  const close = closestName(input, candidates);
  return close === undefined ? "" : `; did you mean ${goQuote(close)}?`;
}

/**
 * `plans` is the service type's `plans` array (objects with `name`) or plain names.
 * An empty list means the plans are unknown, so nothing is refused.
 */
export function validatePlan(plan: string, plans: readonly (PlanLike | string)[]): string {
  const valid = names(plans);
  if (valid.length === 0 || valid.includes(plan)) return plan;
  throw new InputError(`invalid plan ${goQuote(plan)} for kafka (valid plans: ${valid.join(", ")})${didYouMean(plan, valid)}`);
}

/** `versions` is the service type's `available-versions`; an empty list refuses nothing. */
export function validateKafkaVersion(version: string, versions: readonly string[]): string {
  if (versions.length === 0 || versions.includes(version)) return version;
  throw new InputError(`invalid --kafka-version ${goQuote(version)} (available versions: ${versions.join(", ")})`);
}
