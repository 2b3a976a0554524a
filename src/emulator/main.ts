// exo-emulator: runs the local Exoscale DBaaS API emulator until SIGINT/SIGTERM;
// `exo-emulator fetch-kafka` fetches the real broker's jars ahead of time.
import { closeSync, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { BrokerProvider } from "./broker-provider.js";
import { startEmulator } from "./index.js";

const USAGE = `Usage: exo-emulator [options]
       exo-emulator fetch-kafka [--quiet] [VERSION]
                         fetch the pinned Kafka jars for --kafka real (every pinned release, or the one of VERSION:
                         3.8 or 3.8.1), verify those already there, print their directories

  --port N               port to listen on (default 8080; 0 = any free port)
  --host H               address to listen on (default 127.0.0.1)
  --data-dir DIR         keep state (services, users, CA) in DIR across restarts
  --reset                discard the state in --data-dir first
  --key K                API key to accept (default EXOemulator0000000000000000000)
  --secret S             API secret to accept (default emulator-secret)
  --default-zone Z       zone of services created without a zone (default ch-gva-2)
  --operation-delay MS   how long operations stay pending (default 300)
  --rebuild-delay MS     how long new services stay rebuilding (default 2000)
  --https                serve HTTPS with a certificate from a separate emulator CA
  --seed                 create a running Kafka service "test-kafka" in de-muc-1
  --kafka fake|real      fake: report made-up broker addresses (default); real: run local brokers
  --brokers N            with --kafka real: brokers per service (default: the plan's node count, 3 for startup-2)
  --keep-logs DIR        with --kafka real: copy the brokers' logs into DIR/SERVICE/node-N/ when they stop
  --print-env            print only \`export NAME='value'\` lines on stdout once listening, then close it:
                         eval "$(exo-emulator --print-env --quiet --port 0 &)" sets the variables and
                         EXO_EMULATOR_PID; if it cannot start, it prints \`false\` instead, so that eval fails
  --quiet                do not log requests
  -h, --help             show this help
`;

interface RealKafkaOptions {
  brokers: number | undefined;
  keepLogsDir: string | undefined;
  log: ((line: string) => void) | undefined;
}

async function loadBrokers(kind: string, quiet: boolean, real: RealKafkaOptions): Promise<BrokerProvider | undefined> {
  if (kind === "fake") {
    if (real.brokers !== undefined) throw new Error("--brokers needs --kafka real");
    if (real.keepLogsDir !== undefined) throw new Error("--keep-logs needs --kafka real");
    return undefined;
  }
  if (kind !== "real") throw new Error(`--kafka must be "fake" or "real", not ${JSON.stringify(kind)}`);
  // Real brokers (one local Kafka process per service) live in ./broker/, loaded only when asked for.
  const { createRealBrokerProvider, prepareKafkaJars } = await import("./broker/index.js");
  await withInterruptibleFetch((signal) => prepareKafkaJars({ write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true, quiet, signal }));
  return createRealBrokerProvider({ brokers: real.brokers, keepLogsDir: real.keepLogsDir && resolve(real.keepLogsDir), log: real.log });
}

/** Runs a jar fetch that Ctrl-C or SIGTERM stops cleanly: the partial download is removed before the process exits. */
async function withInterruptibleFetch<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort(new Error("interrupted: nothing was kept"));
  process.once("SIGINT", stop).once("SIGTERM", stop);
  try {
    return await run(controller.signal);
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
  }
}

async function fetchKafkaCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { quiet: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error(`fetch-kafka takes one Kafka version at most, not ${positionals.length} (${positionals.map((p) => JSON.stringify(p)).join(" ")})`);
  const { ensureKafkaJars, releasesToFetch } = await import("./broker/fetch-kafka.js");
  const releases = releasesToFetch(positionals[0]);
  const dirs: string[] = [];
  // should the work stop with a promise left pending and nothing else to wait for, Node exits: never with 0 then
  const unfinished = () => process.stderr.write("exo-emulator: fetch-kafka ended before its downloads did\n");
  process.exitCode = 2;
  process.once("beforeExit", unfinished);
  await withInterruptibleFetch(async (signal) => {
    const io = { write: (text: string) => process.stderr.write(text), isTTY: process.stderr.isTTY === true, quiet: values.quiet, signal };
    for (const release of releases) dirs.push(await ensureKafkaJars(io, undefined, release, true));
  });
  process.off("beforeExit", unfinished);
  process.exitCode = 0;
  process.stdout.write(dirs.map((dir) => `${dir}\n`).join(""));
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * --print-env: the variables as lines a POSIX shell can eval, then stdout is closed (and fd 1 reopened on
 * /dev/null) so that `eval "$(exo-emulator --print-env &)"` returns while the emulator keeps running.
 */
function printEnvAndCloseStdout(vars: [string, string][]): void {
  writeSync(1, vars.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join(""));
  closeSync(1);
  for (let fd = openSync("/dev/null", "w"); fd !== 1; fd = openSync("/dev/null", "w")) {
    if (fd > 1) {
      closeSync(fd);
      break;
    }
  }
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${JSON.stringify(value)}`);
  return n;
}

/** --brokers: 1 to 9 brokers per service */
function brokerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]$/.test(value)) throw new Error(`--brokers must be a whole number from 1 to 9, not ${JSON.stringify(value)}`);
  return Number(value);
}

async function main(): Promise<void> {
  if (process.argv[2] === "fetch-kafka") return fetchKafkaCommand(process.argv.slice(3));
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      reset: { type: "boolean" },
      key: { type: "string" },
      secret: { type: "string" },
      "default-zone": { type: "string" },
      "operation-delay": { type: "string" },
      "rebuild-delay": { type: "string" },
      https: { type: "boolean" },
      seed: { type: "boolean" },
      kafka: { type: "string" },
      brokers: { type: "string" },
      "keep-logs": { type: "string" },
      quiet: { type: "boolean" },
      "print-env": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const quiet = values.quiet ?? false;
  const port = intOption(values.port, "--port", 8080);
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values["data-dir"],
    reset: values.reset,
    apiKey: values.key,
    apiSecret: values.secret,
    defaultZone: values["default-zone"],
    operationDelayMs: intOption(values["operation-delay"], "--operation-delay", 300),
    rebuildDelayMs: intOption(values["rebuild-delay"], "--rebuild-delay", 2000),
    https: values.https,
    seed: values.seed,
    brokers: await loadBrokers(values.kafka ?? "fake", quiet, {
      brokers: brokerCount(values.brokers),
      keepLogsDir: values["keep-logs"],
      log: quiet ? undefined : (line) => console.error(`${new Date().toISOString()} ${line}`),
    }),
    log: quiet ? undefined : (line) => console.error(line),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    throw new Error(`port ${port} is already in use: choose another with --port N, or --port 0 for any free port (the URL is printed)`);
  });
  const customSecret = values.secret !== undefined;
  const vars: [string, string | undefined][] = [
    ["EXOSCALE_API_ENDPOINT", emulator.url],
    ["EXOSCALE_API_KEY", emulator.apiKey],
    // a secret given on the command line is the caller's own: never echo it
    ["EXOSCALE_API_SECRET", customSecret ? undefined : emulator.apiSecret],
    ["NODE_EXTRA_CA_CERTS", emulator.tlsCaPath],
  ];
  if (values["print-env"]) {
    const known = vars.filter((v): v is [string, string] => v[1] !== undefined);
    printEnvAndCloseStdout([...known, ["EXO_EMULATOR_PID", String(process.pid)]]);
    envPrinted = true;
    if (!quiet) console.error(`exo-emulator listening on ${emulator.url}`);
  } else {
    const shown = vars.filter(([name, value]) => value !== undefined || name === "EXOSCALE_API_SECRET");
    console.log(`exo-emulator listening on ${emulator.url}; export ${shown.map(([name, value]) => `${name}=${value ?? "<your --secret>"}`).join(" ")}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!quiet) console.error(`${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/** Whether --print-env has written the variables (and closed stdout). */
let envPrinted = false;

main().catch((e: Error) => {
  console.error(`exo-emulator: ${e.message}`);
  // `$(exo-emulator --print-env &)` cannot pass on an exit status, only what is printed: a command
  // that fails makes `eval "$(…)"` fail (and a `set -e` script stop) rather than go on without the variables
  if (process.argv.includes("--print-env") && !envPrinted) {
    try {
      writeSync(1, "false\n");
    } catch {
      // nobody reads stdout
    }
  }
  process.exit(2);
});
