// One command's clients of a service's brokers: an admin client first (its metadata request proves the
// connection within the connect timeout), a producer or a consumer when asked, all closed together.
import type { Admin, Consumer, Producer } from "@platformatic/kafka";
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

export class KafkaSession {
  private readonly clients: Array<{ close(): Promise<void> }> = [];
  private readonly consumers = new Map<string, Consumer<Buffer, Buffer, Buffer, Buffer>>();
  private control: SessionControl = {};

  private constructor(
    readonly connection: KafkaConnection,
    readonly library: KafkaLibrary,
    readonly admin: Admin,
  ) {
    this.clients.push(admin);
  }

  /** Connects; fails within the connect timeout when no broker answers. */
  static async open(connection: KafkaConnection): Promise<KafkaSession> {
    const library = await loadKafkaLibrary();
    const session = new KafkaSession(connection, library, new library.Admin(clientOptions(connection)));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unreachable(connection, "timed out")), connection.connectTimeoutMs);
    });
    try {
      await Promise.race([session.admin.metadata({ topics: [] }), deadline]);
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

  producer(): Producer<Buffer, Buffer, Buffer, Buffer> {
    // acks=all: a record counts as written once every in-sync replica has it; no retry, so that a
    // request sent again cannot land after a later one (produce keeps several requests in flight)
    const producer = new this.library.Producer({ ...clientOptions(this.connection), acks: -1, autocreateTopics: false, retries: 0 });
    this.clients.push(producer);
    return producer;
  }

  /**
   * A consumer used without joining its group (fetches by offset); the group id is only the library's.
   * One per group id and session: its connections and metadata serve every request after the first.
   */
  consumer(groupId: string): Consumer<Buffer, Buffer, Buffer, Buffer> {
    let consumer = this.consumers.get(groupId);
    if (!consumer) {
      consumer = new this.library.Consumer({ ...clientOptions(this.connection), groupId });
      this.consumers.set(groupId, consumer);
      this.clients.push(consumer);
    }
    return consumer;
  }

  /** Closes every client, without waiting long for a broker that stopped answering. */
  async close(): Promise<void> {
    const closing = Promise.allSettled(this.clients.map((c) => c.close()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closing, new Promise((done) => (timer = setTimeout(done, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
  }

  /** Opens a session, runs `work`, closes the session whatever happened; an interrupt ends it at once. */
  static async with<T>(connection: KafkaConnection, work: (session: KafkaSession) => Promise<T>, control: SessionControl = {}): Promise<T> {
    if (control.signal?.aborted) throw control.signal.reason;
    const opening = KafkaSession.open(connection);
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
