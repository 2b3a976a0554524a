// Preloaded (node --require) by code-cache.test.ts: says on stderr, at exit, which of Node's costlier
// built-in modules the run loaded.
const WATCHED = ["crypto", "zlib", "tls", "https", "http"];
process.on("exit", () => {
  const loaded = WATCHED.filter((name) => process.moduleLoadList.includes(`NativeModule ${name}`));
  process.stderr.write(`built-ins loaded: ${loaded.join(" ")}\n`);
});
