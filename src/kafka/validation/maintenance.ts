// `--maintenance-dow` and `--maintenance-time`: given together or not at all.

import { InputError } from "./errors.js";
import { goQuote } from "../../go/quote.js";

export const MAINTENANCE_DAYS = ["never", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type MaintenanceDay = (typeof MAINTENANCE_DAYS)[number];

export interface Maintenance {
  dow: MaintenanceDay;
  /** UTC, `HH:MM:SS`. */
  time: string;
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/**
 * Arguments are undefined when the flag was not given. Returns undefined when neither was given,
 * the maintenance window to send when both were, and refuses everything else.
 */
export function validateMaintenance(dow?: string, time?: string): Maintenance | undefined {
  if (dow === undefined && time === undefined) return undefined;
  if (dow === undefined || time === undefined) throw new InputError("both --maintenance-dow and --maintenance-time must be specified");
  if (!(MAINTENANCE_DAYS as readonly string[]).includes(dow))
    throw new InputError(`invalid --maintenance-dow ${goQuote(dow)}: must be one of ${MAINTENANCE_DAYS.join(", ")}`);
  if (!TIME.test(time)) throw new InputError(`invalid --maintenance-time ${goQuote(time)}: must be HH:MM:SS in 24-hour UTC time, e.g. 03:30:00`);
  return { dow: dow as MaintenanceDay, time };
}
