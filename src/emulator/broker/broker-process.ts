// One KRaft Kafka node (broker and controller combined) of a cluster: format, start, readiness, stop.
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { renderLog4j2Properties, renderServerProperties, type BrokerPorts, type ClusterNode } from "./config.js";
import { ARCHIVE_WRITE_MS, type ArchiveWrite } from "./class-sharing.js";
import { BROKER_LAUNCHER_CLASS } from "./java-sources.js";
import { JVM_FLAGS, type KafkaRuntime } from "./runtime.js";

const run = promisify(execFile);
const READY_LOGGER = "kafka.server.KafkaRaftServer";
const READY_LINE = "Kafka Server started";
const STORAGE_TOOL_CLASS = "kafka.tools.StorageTool";

export type BrokerProcessState = "stopped" | "starting" | "running" | "failed";

export interface BrokerProcessOptions {
  runtime: KafkaRuntime;
  /** directory owned by this broker: configuration, logs and data */
  dir: string;
  host: string;
  ports: BrokerPorts;
  nodeId: number;
  /** every node of the cluster, this one included */
  cluster: readonly ClusterNode[];
  /** the cluster's id, the same for every node, given to the storage format */
  clusterId: string;
  heapMb: number;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  /** called when the broker becomes ready and when its process exits */
  onRunningChange?: () => void;
}

export interface BrokerTlsAndAuth {
  saslEnabled: boolean;
  caCertPem: string;
  certChainPem: string;
  keyPem: string;
}

/** Keeps only a short, secret-free tail of a process' diagnostic output. */
function diagnosticTail(text: string): string {
  const cleaned = text
    .replace(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g, "[PEM]")
    .replace(/(password|secret|key)=\S+/gi, "$1=[hidden]")
    .trim();
  return cleaned.length > 600 ? "…" + cleaned.slice(-600) : cleaned;
}

/** A new KRaft cluster id (base64url of 16 random bytes, never starting with "-", which would read as an option). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

export class BrokerProcess {
  state: BrokerProcessState = "stopped";
  private child: ChildProcess | null = null;
  private stopRequested = false;
  private exited: Promise<void> = Promise.resolve();
  /** the class-data sharing archive this broker's JVM writes at its exit, if any */
  private archiveWrite: ArchiveWrite | null = null;

  constructor(private readonly options: BrokerProcessOptions) {}

  get logFile(): string {
    return join(this.options.dir, "server.log");
  }

  private get dataDir(): string {
    return join(this.options.dir, "data");
  }

  private jvmArgs(heapMb: number, classSharingFlags = this.options.runtime.classSharing?.useFlags() ?? []): string[] {
    const { runtime, dir } = this.options;
    return [
      ...JVM_FLAGS,
      ...classSharingFlags,
      `-Xmx${heapMb}m`,
      "-Xms32m",
      `-Dlog4j2.configurationFile=${join(dir, "log4j2.properties")}`,
      "-cp",
      runtime.classpath,
    ];
  }

  /** Writes the configuration, formats the storage on first start, then waits for the broker to be ready. */
  async start(tls: BrokerTlsAndAuth): Promise<void> {
    if (this.child) throw new Error("broker already started");
    const { dir, host, ports, runtime } = this.options;
    this.state = "starting";
    try {
      await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      const propsFile = join(dir, "server.properties");
      const { nodeId, cluster } = this.options;
      const props = renderServerProperties({ host, ports, nodeId, cluster, logDir: this.dataDir, ...tls });
      await writeFile(propsFile, props, { mode: 0o600 });
      await writeFile(join(dir, "log4j2.properties"), renderLog4j2Properties(this.logFile, READY_LOGGER));
      if (!existsSync(join(this.dataDir, "meta.properties"))) {
        await run(
          runtime.java,
          [...this.jvmArgs(128), STORAGE_TOOL_CLASS, "format", "-t", this.options.clusterId, "-c", propsFile],
          { timeout: 60_000 },
        ).catch((error: { stderr?: string; message: string }) => {
          throw new Error(`Kafka storage format failed: ${diagnosticTail(error.stderr || error.message)}`);
        });
      }
      if (this.stopRequested) throw new Error("Kafka broker start cancelled");
      await this.spawnAndWait(propsFile);
      this.state = "running";
      this.options.onRunningChange?.();
    } catch (error) {
      this.state = "failed";
      await this.stop().catch(() => undefined);
      this.state = "failed";
      throw error;
    }
  }

  private spawnAndWait(propsFile: string): Promise<void> {
    const { runtime, heapMb, startTimeoutMs, nodeId } = this.options;
    // node 1 writes the class-data sharing archive when it is missing, the others start without it meanwhile
    const archiveWrite = nodeId === 1 ? (runtime.classSharing?.startWriting() ?? null) : null;
    this.archiveWrite = archiveWrite;
    // stdin stays open: the launcher exits when it closes, i.e. when this process dies.
    const child = spawn(runtime.java, [...this.jvmArgs(heapMb, archiveWrite?.flags), BROKER_LAUNCHER_CLASS, propsFile], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("error", () => void archiveWrite?.finish({ code: null, signal: null }).then(resolve));
      child.once("exit", (code, signal) => void (archiveWrite?.finish({ code, signal }) ?? Promise.resolve()).then(resolve));
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.stdin?.on("error", () => undefined);

    return new Promise<void>((resolve, reject) => {
      let ready = false;
      let stdout = "";
      const timer = setTimeout(() => {
        reject(new Error(`Kafka broker did not start within ${startTimeoutMs} ms (log: ${this.logFile})`));
      }, startTimeoutMs);
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        if (ready) return;
        stdout = (stdout + chunk).slice(-4000);
        if (stdout.includes(READY_LINE)) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`could not run java: ${error.message}`));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        this.child = null;
        if (this.state !== "stopped") this.state = "failed";
        this.options.onRunningChange?.();
        if (!ready) {
          const detail = diagnosticTail(stderr);
          reject(
            new Error(
              `Kafka broker exited during start-up (${signal ?? `code ${code}`}; log: ${this.logFile})` +
                (detail ? `: ${detail}` : ""),
            ),
          );
        }
      });
    });
  }

  /** SIGTERM (Kafka shuts down cleanly), then SIGKILL if it is still there after `timeoutMs` (stopTimeoutMs). */
  async stop(timeoutMs = this.options.stopTimeoutMs): Promise<void> {
    this.state = "stopped";
    this.stopRequested = true;
    const child = this.child;
    if (!child) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs + (this.archiveWrite ? ARCHIVE_WRITE_MS : 0));
    await this.exited;
    clearTimeout(killer);
    this.child = null;
  }

  /** SIGKILL, as a crash would: no clean shutdown. The state becomes "failed". */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill("SIGKILL");
    await this.exited;
  }

  /** Whether the last start failed because a listener port was taken. */
  async failedToBind(): Promise<boolean> {
    try {
      const log = await readFile(this.logFile, "utf8");
      return /BindException|Address already in use/.test(log.slice(-20_000));
    } catch {
      return false;
    }
  }

  /** Whether its JVM writes the class-data sharing archive at its exit. */
  get writesArchive(): boolean {
    return this.archiveWrite !== null && this.child !== null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }
}
