// How commands write a file set: stopped (and put back) by the IO's abort signal, that is Ctrl-C,
// SIGTERM or SIGHUP.
import { setTimeout as sleep } from "node:timers/promises";
import type { IO } from "../../../io.js";
import type { InstallOptions } from "../../../kafka/credentials/index.js";

/**
 * Test knob: EXO_DBAAS_TEST_PAUSE_FILE_STEPS=<ms> announces each step of the transaction on stderr
 * (`test pause: STEP`) and waits that long before it, so a test can send a signal inside a chosen
 * step. Unset (or not a number), it does nothing.
 */
export function fileSetSteps(io: IO): InstallOptions {
  const raw = io.env.EXO_DBAAS_TEST_PAUSE_FILE_STEPS;
  if (!raw || !/^\d+$/.test(raw)) return { signal: io.signal };
  const pauseMs = Number(raw);
  return {
    signal: io.signal,
    async beforeStep(step) {
      io.stderr(`test pause: ${step}\n`);
      await sleep(pauseMs, undefined, { signal: io.signal }).catch(() => undefined);
    },
  };
}
