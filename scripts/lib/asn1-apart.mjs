// An esbuild plugin for the CLI bundle: the ASN.1 libraries (asn1js and @peculiar/asn1-*, a third of
// the CLI's code) serve only the PKCS#12 key stores of Java clients, so they are bundled apart, into
// dist/exo-asn1.cjs, which the bundle requires when a command first uses them. A start-up without a
// code cache (a Node's first run) then does not parse them.
import { build } from "esbuild";

const PACKAGES = /^(asn1js|@peculiar\/asn1-[a-z0-9-]+)$/;
const NAME = "exo-asn1";
const FILE = `${NAME}.cjs`;

/** The plugin, the build of the file it requires (run after the bundle's build, with its options), and that file's name. */
export function asn1Apart() {
  const imported = new Set();
  const plugin = {
    name: "asn1-apart",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^\\./${FILE.replace(".", "\\.")}$`) }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: PACKAGES }, (args) => {
        imported.add(args.path);
        return { path: args.path, namespace: "asn1-apart" };
      });
      b.onLoad({ filter: /.*/, namespace: "asn1-apart" }, (args) => ({ loader: "js", contents: `module.exports = require("./${FILE}")[${JSON.stringify(args.path)}];` }));
    },
  };
  const buildApart = (options, outdir) => {
    const members = [...imported].map((name) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`);
    return build({ ...options, format: "cjs", stdin: { contents: `module.exports = {${members.join(", ")}};`, resolveDir: "." }, outfile: `${outdir}/${FILE}` });
  };
  return { plugin, buildApart, name: NAME };
}
