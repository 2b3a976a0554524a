// The engine as other packages use it: `import { render, parse } from "exo-dbaas/templates"`, from the packed
// and installed package (test/helpers/packed.ts), resolved through package.json `exports` to its JS and declarations.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/built-cli.js";
import { installedPackage } from "../helpers/packed.js";

const exec = promisify(execFile);

/** A consumer project with the installed exo-dbaas in its node_modules. */
let consumer: string;

beforeAll(async () => {
  consumer = (await installedPackage()).consumer();
}, 180_000);

describe("exo-dbaas/templates", () => {
  it("runs from the built JS: render, parse once / render many, TemplateError with Go's message", async () => {
    const script = `
      import { render, parse, TemplateError, GoStruct } from "exo-dbaas/templates";
      const out = [];
      out.push(render("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}", { b: 2, a: 1.5 }));
      const t = parse("{{.Name}}+{{printf \\"%05.1f|%x\\" .F .Name}}");
      out.push(t.execute({ Name: "a", F: 3.14159 }), t.execute({ Name: "b", F: 2 }));
      out.push(render("{{.Name}}", new GoStruct("*pkg.T", [{ name: "Name", value: "s" }])));
      try { render("{{.Nope}}", new GoStruct("*pkg.T", [{ name: "Name", value: "s" }])); } catch (e) { out.push(e instanceof TemplateError, e.message); }
      try { parse("x\\n{{if}}"); } catch (e) { out.push(e instanceof TemplateError, e.message); }
      console.log(JSON.stringify(out));
    `;
    const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual([
      "a=1.5;b=2;",
      "a+003.1|61",
      "b+%!f(int=    2)|62", // a whole JSON number is an int, and Go says so (checked with go1.26)
      "s",
      true,
      'template: out:1:2: executing "out" at <.Nope>: can\'t evaluate field Nope in type *pkg.T',
      true,
      "template: out:2: missing value for if",
    ]);
  });

  it("ships declarations: a TypeScript consumer type-checks against them", async () => {
    writeFileSync(
      join(consumer, "use.ts"),
      `import { parse, render, TemplateError, type Template } from "exo-dbaas/templates";
const t: Template = parse("{{.}}");
const a: string = t.execute(1) + render("{{.}}", [1]);
const e: TemplateError | undefined = undefined;
// @ts-expect-error render takes the template text first
render(1, "x");
export { a, e };
`,
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const args = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "use.ts"];
    const result = await exec(process.execPath, [tsc, ...args], { cwd: consumer }).then(
      () => ({ code: 0, out: "" }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(result).toEqual({ code: 0, out: "" });
  }, 60_000);
});
