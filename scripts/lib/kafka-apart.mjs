// An esbuild plugin for the CLI bundle: the Kafka client library (@platformatic/kafka), used by the
// `dbaas kafka` commands only, is bundled apart into dist/exo-kafka.cjs, which the bundle requires when
// such a command first needs it, so the launcher runs it from a V8 code cache like the bundle itself.
// Loading the installed package instead (about 175 ES modules) cost ~0.7 s per command (BENCH.md).
// Changes to the library's code, for speed only:
// - each `ajv.compile(schema)` of its option validators, run at load (dozens of schemas compiled to
//   functions), is deferred to the validator's first call;
// - @platformatic/wasm-utils (LZ4, Snappy, CRC32C) is its `bundled` entry, the WebAssembly inlined
//   instead of read from a file beside the package;
// - a response is parsed from one contiguous copy instead of the socket's chunks: the library's
//   DynamicBuffer finds the chunk of every read by walking the chunks from the first, which made
//   parsing a fetch of a few MiB (thousands of records) cost more than a copy of it;
// - a produce request's records are written into one buffer (kafka-record-encoder.js) instead of a
//   few small buffers per record, joined again for the batch's CRC; a message without headers (and no
//   serializers) gets no Maps of headers, where the library made two for each;
// - the JSON schema validator, the debug package and the native CRC32C are loaded on first use.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const NAME = "exo-kafka";
const FILE = `${NAME}.cjs`;
const PACKAGE = "@platformatic/kafka";

const LAZY_COMPILE = `
function __exoLazyCompile(ajv, schema) {
  let compiled;
  const validate = (data) => {
    compiled ??= ajv.compile(schema);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  };
  return validate;
}
`;

const RESPONSE_READER = "new Reader(this.#responseReader.buffer.subarray(this.#responseReader.position, this.#nextMessage + INT32_SIZE))";
const CONTIGUOUS_READER = "new Reader(new DynamicBuffer(this.#responseReader.buffer.slice(this.#responseReader.position, this.#nextMessage + INT32_SIZE)))";

const RECORDS_LOOP = `
        const record = createRecord(messages[i], i, firstTimestamp);
        buffer.appendFrom(record.dynamicBuffer);
    }
`;
const ONE_BUFFER_RECORDS = `
    }
    const __exoRecords = __exoEncodeRecords(messages, firstTimestamp);
    if (__exoRecords) buffer.append(__exoRecords);
    else for (let i = 0; i < messages.length; i++) buffer.appendFrom(createRecord(messages[i], i, firstTimestamp).dynamicBuffer);
`;

// What the commands use of the library (KafkaLibrary in src/kafka/protocol/library.ts): with the library's
// modules taken as free of side effects, esbuild leaves out the rest (the schema registries, Avro, ...).
const USED = ["Admin", "Consumer", "Producer", "murmur2", "protocolErrorsCodesById"];
const sideEffectFree = {
  name: "side-effect-free",
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving || args.kind === "entry-point" || args.path.startsWith("node:")) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { resolving: true } });
      if (resolved.errors.length > 0 || resolved.external || !/[\\/]node_modules[\\/]/.test(resolved.path)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

// utils.js: the JSON schema validator and the debug loggers, made at load, serve only options validated
// with `strict: true` (never set here) and DEBUG=plt:kafka:* (off otherwise): each loaded when first used
const EAGER_AJV = "import { Ajv2020 } from 'ajv/dist/2020.js';";
const EAGER_AJV_INSTANCE = "export const ajv = new Ajv2020({ allErrors: true, coerceTypes: false, strict: true });";
const LAZY_AJV_INSTANCE = `export const ajv = __exoOnFirstUse(() => new (require('ajv/dist/2020.js').Ajv2020)({ allErrors: true, coerceTypes: false, strict: true }), ['addKeyword']);
function __exoOnFirstUse(make, queued) {
  let made;
  const calls = [];
  const real = () => {
    if (!made) {
      made = make();
      for (const [name, args] of calls) made[name](...args);
    }
    return made;
  };
  return new Proxy({}, {
    get(_, name) {
      if (!made && queued.includes(name)) return (...args) => void calls.push([name, args]);
      const value = real()[name];
      return typeof value === "function" ? value.bind(made) : value;
    },
  });
}`;
const EAGER_DEBUG = "import debug from 'debug';";
const LAZY_DEBUG = "const debug = process.env.DEBUG ? require('debug') : () => () => undefined;";
// protocol/crc32c.js: the native CRC32C, looked for at load, serves only produce
const EAGER_CRC = "export const crc32c = loadNativeCRC32C() ?? wasmCRC32C;";
const LAZY_CRC = "let __exoCrc32c;\nexport function crc32c(data) {\n    return (__exoCrc32c ??= loadNativeCRC32C() ?? wasmCRC32C)(data);\n}";

// clients/producer/producer.js: two Maps made for every message sent, even without headers or serializers
const MESSAGE_HEADERS = `
            let headers = new Map();
            const serializedHeaders = new Map();
            const metadata = message.metadata;`;
const SHARED_NO_HEADERS = `
            const __exoPlain = !message.headers && this.#keySerializer === noopSerializer && this.#valueSerializer === noopSerializer;
            let headers = __exoPlain ? __exoNoHeaders : new Map();
            const serializedHeaders = __exoPlain ? __exoNoHeaders : new Map();
            const metadata = message.metadata;`;
// read only: a message without headers, sent without serializers, gets no headers
const NO_HEADERS = "\nconst __exoNoHeaders = new Map();\n";

/** Replaces `from` in the library's file, or fails the build when the library no longer has it. */
function change(path, source, from, to) {
  if (!source.includes(from)) throw new Error(`${path}: the library's code changed; review scripts/lib/kafka-apart.mjs`);
  return source.replace(from, to);
}

const libraryChanges = {
  name: "kafka-library-changes",
  setup(b) {
    b.onLoad({ filter: /[\\/]@platformatic[\\/]kafka[\\/]dist[\\/].*\.js$/ }, async (args) => {
      let source = await readFile(args.path, "utf8");
      if (/[\\/]network[\\/]connection\.js$/.test(args.path)) source = change(args.path, source, RESPONSE_READER, CONTIGUOUS_READER);
      if (/[\\/]dist[\\/]utils\.js$/.test(args.path)) {
        source = change(args.path, change(args.path, source, EAGER_AJV, ""), EAGER_AJV_INSTANCE, LAZY_AJV_INSTANCE);
        source = change(args.path, source, EAGER_DEBUG, LAZY_DEBUG);
      }
      if (/[\\/]clients[\\/]producer[\\/]producer\.js$/.test(args.path)) source = change(args.path, source, MESSAGE_HEADERS, SHARED_NO_HEADERS) + NO_HEADERS;
      if (/[\\/]protocol[\\/]crc32c\.js$/.test(args.path)) source = change(args.path, source, EAGER_CRC, LAZY_CRC);
      if (/[\\/]protocol[\\/]records\.js$/.test(args.path)) {
        source = change(args.path, source, RECORDS_LOOP, ONE_BUFFER_RECORDS) + (await readFile(new URL("./kafka-record-encoder.js", import.meta.url), "utf8"));
      }
      if (source.includes("ajv.compile(")) source = source.replaceAll("ajv.compile(", "__exoLazyCompile(ajv, ") + LAZY_COMPILE;
      return { loader: "js", contents: source };
    });
  },
};

/** The plugin, the build of the file it requires (run after the bundle's build, with its options), and that file's name. */
export function kafkaApart() {
  const plugin = {
    name: "kafka-apart",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^\\./${FILE.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: /^@platformatic\/kafka$/ }, (args) => ({ path: args.path, namespace: "kafka-apart" }));
      b.onLoad({ filter: /.*/, namespace: "kafka-apart" }, () => ({ loader: "js", contents: `module.exports = require("./${FILE}");` }));
    },
  };
  const buildApart = (options, outdir) => {
    const wasmUtils = createRequire(import.meta.url).resolve("@platformatic/wasm-utils/bundled");
    return build({
      ...options,
      format: "cjs",
      stdin: { contents: `export { ${USED.join(", ")} } from ${JSON.stringify(PACKAGE)};`, resolveDir: "." },
      alias: { "@platformatic/wasm-utils": wasmUtils },
      // the library's own createRequire(import.meta.url) (an optional native CRC32C): this file's URL
      define: { "import.meta.url": "__exoKafkaUrl" },
      banner: { js: "var __exoKafkaUrl=require('node:url').pathToFileURL(__filename).href;" },
      plugins: [sideEffectFree, libraryChanges],
      outfile: `${outdir}/${FILE}`,
    });
  };
  return { plugin, buildApart, name: NAME };
}
