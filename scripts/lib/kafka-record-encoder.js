// Appended by scripts/lib/kafka-apart.mjs to @platformatic/kafka's protocol/records.js in the bundle.
// Writes the records of one batch into a single buffer, exactly as the library's createRecord would
// (Kafka's record format v2), where the library made several small buffers per record and joined them
// all again for the batch's CRC. Messages of another kind than Buffers and a Map of Buffers as headers,
// or with timestamps 2^31 ms or more apart, are left to the library (undefined).
function __exoPlainBytes(b) {
  return b === null || b === undefined || Buffer.isBuffer(b);
}
function __exoVarIntSize(u) {
  let n = 1;
  while (u >= 0x80) {
    u = Math.floor(u / 128);
    n++;
  }
  return n;
}
function __exoZigZag(v) {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}
function __exoZigZag64(v) {
  return (v << 1n) ^ (v >> 63n);
}
function __exoWriteVarInt(buf, pos, u) {
  while (u >= 0x80) {
    buf[pos++] = (u & 0x7f) | 0x80;
    u = Math.floor(u / 128);
  }
  buf[pos++] = u;
  return pos;
}
function __exoWriteVarInt64(buf, pos, u) {
  while (u >= 0x80n) {
    buf[pos++] = Number(u & 0x7fn) | 0x80;
    u >>= 7n;
  }
  buf[pos++] = Number(u);
  return pos;
}
function __exoBytesSize(b) {
  return b === null || b === undefined ? 1 : __exoVarIntSize(__exoZigZag(b.length)) + b.length;
}
function __exoWriteBytes(buf, pos, b) {
  if (b === null || b === undefined) return __exoWriteVarInt(buf, pos, 1);
  pos = __exoWriteVarInt(buf, pos, __exoZigZag(b.length));
  b.copy(buf, pos);
  return pos + b.length;
}
function __exoEncodeRecords(messages, firstTimestamp) {
  if (typeof firstTimestamp !== "bigint") return undefined;
  const bodies = new Array(messages.length);
  // each record's timestamp delta, zig-zag encoded: mostly 0 (the records of a send share their timestamp)
  const deltas = new Array(messages.length);
  let total = 0;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (!__exoPlainBytes(m.key) || !__exoPlainBytes(m.value) || (m.headers != null && !(m.headers instanceof Map))) return undefined;
    const delta = m.timestamp === firstTimestamp ? 0n : __exoZigZag64(m.timestamp - firstTimestamp);
    // the library encodes a delta of 2^31 ms or more its own way: left to it
    if (delta >= 0x100000000n) return undefined;
    let size = 1 + (delta === 0n ? 1 : __exoVarIntSize(Number(delta))) + __exoVarIntSize(__exoZigZag(i)) + __exoBytesSize(m.key) + __exoBytesSize(m.value);
    const headers = m.headers == null ? 0 : m.headers.size;
    size += __exoVarIntSize(__exoZigZag(headers));
    if (headers > 0) {
      for (const [k, v] of m.headers) {
        if (!__exoPlainBytes(k) || !__exoPlainBytes(v)) return undefined;
        size += __exoBytesSize(k) + __exoBytesSize(v);
      }
    }
    bodies[i] = size;
    deltas[i] = delta;
    total += __exoVarIntSize(__exoZigZag(size)) + size;
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    pos = __exoWriteVarInt(buf, pos, __exoZigZag(bodies[i]));
    buf[pos++] = 0;
    pos = deltas[i] === 0n ? __exoWriteVarInt(buf, pos, 0) : __exoWriteVarInt64(buf, pos, deltas[i]);
    pos = __exoWriteVarInt(buf, pos, __exoZigZag(i));
    pos = __exoWriteBytes(buf, pos, m.key);
    pos = __exoWriteBytes(buf, pos, m.value);
    pos = __exoWriteVarInt(buf, pos, __exoZigZag(m.headers == null ? 0 : m.headers.size));
    if (m.headers != null) {
      for (const [k, v] of m.headers) {
        pos = __exoWriteBytes(buf, pos, k);
        pos = __exoWriteBytes(buf, pos, v);
      }
    }
  }
  if (pos !== total) throw new Error(`record batch encoded as ${pos} bytes, ${total} expected`);
  return buf;
}
