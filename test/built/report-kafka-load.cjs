// Preloaded (node --require) by kafka-library.test.ts: says on stderr when @platformatic/kafka is loaded.
const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "@platformatic/kafka") process.stderr.write("kafka library loaded\n");
  return load.call(this, request, ...rest);
};
