// Preloaded (node --require) by kafka-library.test.ts: says on stderr when the launcher reads
// dist/exo-kafka.cjs, the bundled Kafka client library, and dist/exo-asn1.cjs, which no Kafka command needs.
const fs = require("node:fs");
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (String(file).endsWith("exo-kafka.cjs")) process.stderr.write("kafka library loaded\n");
  if (String(file).endsWith("exo-asn1.cjs")) process.stderr.write("asn1 bundle loaded\n");
  return readFileSync.call(this, file, ...rest);
};
