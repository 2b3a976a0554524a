// An esbuild plugin for the CLI bundle: the Kafka client library (@platformatic/kafka), used by the
// `dbaas kafka` commands only, is bundled apart into dist/exo-kafka.cjs, which the bundle requires when
// such a command first needs it, so the launcher runs it from a V8 code cache like the bundle itself.
// Loading the installed package instead (about 175 ES modules) cost ~0.7 s per command (BENCH.md).
// Two changes to the library's code, both for start-up only:
// - each `ajv.compile(schema)` of its option validators, run at load (dozens of schemas compiled to
//   functions), is deferred to the validator's first call;
// - @platformatic/wasm-utils (LZ4, Snappy, CRC32C) is its `bundled` entry, the WebAssembly inlined
//   instead of read from a file beside the package.
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

const lazyValidators = {
  name: "kafka-lazy-validators",
  setup(b) {
    b.onLoad({ filter: /[\\/]@platformatic[\\/]kafka[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("ajv.compile(")) return undefined;
      return { loader: "js", contents: source.replaceAll("ajv.compile(", "__exoLazyCompile(ajv, ") + LAZY_COMPILE };
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
      stdin: { contents: `module.exports = require(${JSON.stringify(PACKAGE)});`, resolveDir: "." },
      alias: { "@platformatic/wasm-utils": wasmUtils },
      // the library's own createRequire(import.meta.url) (an optional native CRC32C): this file's URL
      define: { "import.meta.url": "__exoKafkaUrl" },
      banner: { js: "var __exoKafkaUrl=require('node:url').pathToFileURL(__filename).href;" },
      plugins: [lazyValidators],
      outfile: `${outdir}/${FILE}`,
    });
  };
  return { plugin, buildApart, name: NAME };
}
