// Output of `credentials check`: when the user's certificate expires. The table form is one line.
import { objectOutput, type ObjectOutput } from "../../output/model.js";
import { defineView, fieldsOf, goStruct } from "./spec.js";

export interface CertificateExpiryShown {
  readonly username: string;
  /** RFC 3339, whole seconds */
  readonly expiresAt: string;
  readonly daysLeft: number;
  readonly minDays: number;
}

const expiry = fieldsOf<CertificateExpiryShown>();
export const credentialsCheckView = defineView("*dbaas.dbaasKafkaCertificateExpiryOutput", [
  expiry({ go: "Username", json: "username", from: (e) => e.username }),
  expiry({ go: "ExpiresAt", json: "expires_at", from: (e) => e.expiresAt }),
  expiry({ go: "DaysLeft", json: "days_left", from: (e) => e.daysLeft }),
  expiry({ go: "MinDays", json: "min_days", from: (e) => e.minDays }),
]);

/** `2026-01-01T00:00:00Z (12 days left)` */
export const expiryText = (e: CertificateExpiryShown): string => `${e.expiresAt} (${e.daysLeft} days left)`;

export function credentialsCheckOutput(shown: CertificateExpiryShown): ObjectOutput {
  return objectOutput(goStruct(credentialsCheckView, shown), () => `${expiryText(shown)}\n`);
}
