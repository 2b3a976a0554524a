// How commands write a file set: stopped (and put back) by the IO's abort signal, that is Ctrl-C,
// SIGTERM or SIGHUP.
import { setTimeout as sleep } from "node:timers/promises";
import type { IO } from "../../../io.js";
import type { InstallOptions } from "../../../kafka/credentials/index.js";

const HOLD_MS = 30_000;

/**
 * Test knob: EXO_DBAAS_TEST_PAUSE_FILE_STEP=<n> announces each step of the file sets on stderr
 * (`test pause: STEP`) and holds the n-th (from 1) for up to 30 s, so a test can send a signal
 * inside a chosen step. Unset (or not a number), it does nothing.
 */
export function fileSetSteps(io: IO): InstallOptions {
  const raw = io.env.EXO_DBAAS_TEST_PAUSE_FILE_STEP;
  if (!raw || !/^\d+$/.test(raw)) return { signal: io.signal };
  const holdAt = Number(raw);
  let count = 0;
  return {
    signal: io.signal,
    async beforeStep(step) {
      io.stderr(`test pause: ${step}\n`);
      if (++count === holdAt) await sleep(HOLD_MS, undefined, { signal: io.signal }).catch(() => undefined);
    },
  };
}
