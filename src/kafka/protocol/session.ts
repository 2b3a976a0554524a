// One command's clients of a service's brokers, all closed together: the client the command needs first
// (the admin client, or produce's producer, or consume's consumer) connects, its metadata request proving
// the connection within the connect timeout, then answers the command's metadata requests on the same
// connection; any other client is made when first asked for.
import type { Admin, Consumer, MetadataOptions, ClusterMetadata, Producer } from "@platformatic/kafka";
import { clientOptions, type KafkaConnection } from "./connection.js";
import { kafkaError, unreachable, type KafkaTarget } from "./errors.js";
import { loadKafkaLibrary, type KafkaLibrary } from "./library.js";

const CLOSE_GRACE_MS = 2_000;

/** The command's interrupt, and what to call once a change is handed to the broker. */
export interface SessionControl {
  signal?: AbortSignal;
  onChangeSent?: () => void;
}

/** `promise`, or the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The client a session connects with first. */
export type FirstClient = { kind: "admin" } | { kind: "producer" } | { kind: "consumer"; groupId: string };

type Client = Admin | Producer<Buffer, Buffer, Buffer, Buffer> | Consumer<Buffer, Buffer, Buffer, Buffer>;

export class KafkaSession {
  private readonly clients: Client[] = [];
  private readonly consumers = new Map<string, Consumer<Buffer, Buffer, Buffer, Buffer>>();
  private adminClient: Admin | undefined;
  private producerClient: Producer<Buffer, Buffer, Buffer, Buffer> | undefined;
  /** the client that connected first */
  private first!: Client;
  private control: SessionControl = {};

  private constructor(
    readonly connection: KafkaConnection,
    readonly library: KafkaLibrary,
  ) {}

  /** Connects; fails within the connect timeout when no broker answers. */
  static async open(connection: KafkaConnection, first: FirstClient = { kind: "admin" }): Promise<KafkaSession> {
    const library = await loadKafkaLibrary();
    const session = new KafkaSession(connection, library);
    session.first = first.kind === "producer" ? session.producer() : first.kind === "consumer" ? session.consumer(first.groupId) : session.admin;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unreachable(connection, "timed out")), connection.connectTimeoutMs);
    });
    try {
      await Promise.race([session.metadata({ topics: [] }), deadline]);
    } catch (error) {
      await session.close();
      throw kafkaError(error, connection);
    } finally {
      clearTimeout(timer);
    }
    return session;
  }

  /**
   * Called right before a request that changes something on the broker: refuses once interrupted (the
   * command has already ended), else an interrupt from now on says the change was sent.
   */
  changing(): void {
    if (this.control.signal?.aborted) throw this.control.signal.reason;
    this.control.onChangeSent?.();
  }

  /** Runs a request, its failure as one line about `target`. */
  async request<T>(target: KafkaTarget, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw kafkaError(error, this.connection, target);
    }
  }

  /** The one-line error for a failure of the library, or for an error code inside a response ({ apiId }). */
  fail(error: unknown, target: KafkaTarget): Error {
    return kafkaError(error, this.connection, target);
  }

  /** The cluster's metadata, asked of the client that connected first. */
  metadata(options: MetadataOptions): Promise<ClusterMetadata> {
    return this.first.metadata(options);
  }

  get admin(): Admin {
    return (this.adminClient ??= this.added(new this.library.Admin(clientOptions(this.connection))));
  }

  producer(): Producer<Buffer, Buffer, Buffer, Buffer> {
    // acks=all: a record counts as written once every in-sync replica has it; no retry, so that a
    // request sent again cannot land after a later one (produce keeps several requests in flight)
    return (this.producerClient ??= this.added(new this.library.Producer({ ...clientOptions(this.connection), acks: -1, autocreateTopics: false, retries: 0 })));
  }

  /**
   * A consumer used without joining its group (fetches by offset); the group id is only the library's.
   * One per group id and session: its connections and metadata serve every request after the first.
   */
  consumer(groupId: string): Consumer<Buffer, Buffer, Buffer, Buffer> {
    let consumer = this.consumers.get(groupId);
    if (!consumer) this.consumers.set(groupId, (consumer = this.added(new this.library.Consumer({ ...clientOptions(this.connection), groupId }))));
    return consumer;
  }

  private added<C extends Client>(client: C): C {
    this.clients.push(client);
    return client;
  }

  /** Closes every client, without waiting long for a broker that stopped answering. */
  async close(): Promise<void> {
    const closing = Promise.allSettled(this.clients.map((c) => c.close()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closing, new Promise((done) => (timer = setTimeout(done, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
  }

  /** Opens a session, runs `work`, closes the session whatever happened; an interrupt ends it at once. */
  static async with<T>(connection: KafkaConnection, work: (session: KafkaSession) => Promise<T>, control: SessionControl = {}, first?: FirstClient): Promise<T> {
    if (control.signal?.aborted) throw control.signal.reason;
    const opening = KafkaSession.open(connection, first);
    // interrupted while connecting: the session still opens in the background, and is closed then
    control.signal?.addEventListener("abort", () => void opening.then((s) => s.close(), () => undefined), { once: true });
    const session = await untilAborted(opening, control.signal);
    session.control = control;
    try {
      return await untilAborted(work(session), control.signal);
    } finally {
      await session.close();
    }
  }
}
