// How long a client certificate stays valid.
import type { X509Certificate } from "node:crypto";

const DAY_MS = 86_400_000;

export interface CertificateExpiry {
  expiresAt: Date;
  /** whole days left, rounded down (negative once expired) */
  daysLeft: number;
  /** expired, or expires within `minDays` days */
  expiresSoon: boolean;
}

export function certificateExpiry(certificate: X509Certificate, minDays: number, now: Date = new Date()): CertificateExpiry {
  const expiresAt = new Date(certificate.validTo);
  const remainingMs = expiresAt.getTime() - now.getTime();
  return { expiresAt, daysLeft: Math.floor(remainingMs / DAY_MS), expiresSoon: remainingMs < minDays * DAY_MS };
}
