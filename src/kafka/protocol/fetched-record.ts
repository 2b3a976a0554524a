// A consumed record as the library parsed it, its shown forms (offset, date, text or base64) made when
// the output first reads them, once: a long read shown through a template that names one field does
// not pay for every other field of every record.
import type { KafkaRecord, RecordsBatch } from "@platformatic/kafka";
import { showBytes, type ConsumedRecord, type ShownBytes, type ShownHeader } from "../views/kafka-records.js";

/** the broker's append time stands for every record of the batch (message.timestamp.type=LogAppendTime) */
const LOG_APPEND_TIME = 0x08;

// records of one batch are often written within the same millisecond
let lastMillis: bigint | undefined;
let lastIso = "";
function isoMillis(ms: bigint): string {
  if (ms !== lastMillis) [lastMillis, lastIso] = [ms, new Date(Number(ms)).toISOString()];
  return lastIso;
}

export class FetchedRecord implements ConsumedRecord {
  #offset: bigint | undefined;
  #timestamp: string | undefined;
  #key: ShownBytes | undefined;
  #value: ShownBytes | undefined;
  #headers: readonly ShownHeader[] | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly batch: RecordsBatch,
    private readonly record: KafkaRecord,
  ) {}

  get offset(): bigint {
    return (this.#offset ??= this.batch.firstOffset + BigInt(this.record.offsetDelta));
  }

  /** RFC 3339 with milliseconds, UTC */
  get timestamp(): string {
    const b = this.batch;
    return (this.#timestamp ??= isoMillis((b.attributes & LOG_APPEND_TIME) !== 0 ? b.maxTimestamp : b.firstTimestamp + this.record.timestampDelta));
  }

  get key(): ShownBytes {
    return (this.#key ??= showBytes(this.record.key));
  }

  get value(): ShownBytes {
    return (this.#value ??= showBytes(this.record.value));
  }

  get headers(): readonly ShownHeader[] {
    return (this.#headers ??= this.record.headers.map(([k, v]) => ({ key: showBytes(k), value: showBytes(v) })));
  }
}
