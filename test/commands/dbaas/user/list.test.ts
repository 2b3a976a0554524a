// exo dbaas user list against the emulator.
import { describe, expect, it } from "vitest";
import { SERVICE, useSession, ZONE } from "../../../helpers/session.js";

const s = useSession({ resetEach: false });

const Z = ["-z", ZONE];

describe("user list", () => {
  it("prints exo's table, JSON, text and templates", async () => {
    expect(await s.exo(["dbaas", "user", "list", SERVICE, ...Z])).toEqual({
      exitCode: 0,
      stdout: "| USERNAME |  TYPE   |\n|----------|---------|\n| avnadmin | primary |\n",
      stderr: "",
    });
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z], { stdoutTTY: true })).stdout).toBe(
      "┼──────────┼─────────┼\n│ USERNAME │  TYPE   │\n┼──────────┼─────────┼\n│ avnadmin │ primary │\n┼──────────┼─────────┼\n",
    );
    expect((await s.exo(["-O", "json", "dbaas", "user", "list", SERVICE, ...Z])).stdout).toBe('[{"username":"avnadmin","type":"primary"}]\n');
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z, "-O", "text"])).stdout).toBe("avnadmin\tprimary\n");
    expect((await s.exo(["dbaas", "user", "list", SERVICE, ...Z, "--output-template", "{{.Username}}={{.Type}}"])).stdout).toBe("avnadmin=primary\n");
  });

  it("reads the Kafka service, nothing else (exo's lookup in the service list only when not found)", async () => {
    await s.exo(["dbaas", "user", "list", SERVICE, ...Z]);
    expect(s.apiRequests()).toEqual(["GET /v2/dbaas-kafka/test-kafka"]);
  });

  it("names a missing service as exo does", async () => {
    expect(await s.exo(["dbaas", "user", "list", "nope", ...Z])).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: "nope" Database Service not found in zone "de-muc-1"\n',
    });
  });

  it("needs the service name", async () => {
    expect(await s.exo(["dbaas", "user", "list"])).toEqual({ exitCode: 1, stdout: "", stderr: "error: missing argument NAME, run with --help for usage\n" });
  });
});
