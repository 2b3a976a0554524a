// npm run bench:kafka: Node loading dist/exo-kafka.cjs (the bundled Kafka library) as the launcher does,
// from the code cache a `dbaas kafka` command left in the user's cache directory, then exiting. Fails
// when that cache is missing or V8 rejects it: the commands' figures would then include compiling it.
// Usage: node load-library.cjs DIST_DIR CACHE_DIR
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

const [dist, cacheDir] = process.argv.slice(2);
const file = join(dist, "exo-kafka.cjs");
const cache = readFileSync(join(cacheDir, `exo-kafka-${process.version}-${process.arch}.cache`));
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "latin1")}\n})`, {
  filename: file,
  cachedData: cache.subarray(cache.indexOf(10) + 1),
});
if (script.cachedDataRejected !== false) {
  process.stderr.write(`the code cache of ${file} was rejected\n`);
  process.exit(3);
}
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, require, loaded, file, dist);
