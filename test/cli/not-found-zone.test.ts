// A service not found in the zone a command used without -z: the other zones are searched (on that
// error path only) and the error says where the service is. -z given: no search, exo's error as is.
// A failed search leaves the original error as it was. The emulator serves every zone on one
// endpoint, "test-kafka" in de-muc-1; the default zone is ch-dk-2.
import { describe, expect, it } from "vitest";
import { useSession } from "../helpers/session.js";

const s = useSession();

const NOT_HERE = (zone: string) => `error: "test-kafka" Database Service not found in zone "${zone}"`;
const listings = () => s.apiRequests().filter((r) => r === "GET /v2/dbaas-service").length;

describe("not found in the default zone", () => {
  it.each([
    [["dbaas", "show", "test-kafka"]],
    [["dbaas", "user", "list", "test-kafka"]],
    [["dbaas", "acl", "list", "test-kafka"]],
    [["dbaas", "delete", "test-kafka", "-f"]],
    [["dbaas", "user", "show", "test-kafka", "avnadmin"]],
  ])("%j names the zone that has it, and the line then works", async (argv) => {
    const result = await s.exo(argv);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `${NOT_HERE("ch-dk-2")}; test-kafka is in de-muc-1: add -z de-muc-1\n` });
    expect(s.mutations()).toEqual([]);
    expect((await s.exo([...argv, "-z", "de-muc-1", "-Q"])).exitCode).toBe(0);
  });

  it("EXOSCALE_ZONE and the account's defaultZone are not a -z on the line: the zone may be set and forgotten", async () => {
    const result = await s.exo(["dbaas", "show", "test-kafka"], { env: { EXOSCALE_ZONE: "de-fra-1" } });
    expect(result.stderr).toBe(`${NOT_HERE("de-fra-1")}; test-kafka is in de-muc-1: add -z de-muc-1\n`);
  });

  it("with -z, exo's error as is, and no search of the other zones", async () => {
    for (const z of [["-z", "ch-dk-2"], ["--zone=ch-dk-2"], ["-zch-dk-2"]]) {
      s.emulator.clearRequests();
      const result = await s.exo(["dbaas", "show", "test-kafka", ...z]);
      expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `${NOT_HERE("ch-dk-2")}\n` });
      expect(listings()).toBe(1);
    }
  });

  it("a name found nowhere: exo's error as is", async () => {
    expect((await s.exo(["dbaas", "show", "nowhere"])).stderr).toBe('error: "nowhere" Database Service not found in zone "ch-dk-2"\n');
  });

  it("a name in several zones: each is named", async () => {
    const listed = (zone: string) => ({ name: "test-kafka", type: "kafka", plan: "startup-2", zone });
    s.emulator.canned({ method: "GET", path: "/dbaas-service", status: 200, body: { "dbaas-services": [listed("de-muc-1"), listed("at-vie-1")] } });
    const result = await s.exo(["dbaas", "delete", "test-kafka", "-f"]);
    expect(result.stderr).toBe(`${NOT_HERE("ch-dk-2")}; test-kafka is in at-vie-1 and de-muc-1: add -z at-vie-1 or -z de-muc-1\n`);
    expect(s.mutations()).toEqual([]);
  });

  it("a search that fails leaves the original error as it was", async () => {
    // `logs` learns of the absence from its own call's 404, so the listing is the search's
    s.emulator.faults.inject({ kind: "status", status: 400, method: "GET", path: "/dbaas-service" });
    const result = await s.exo(["dbaas", "logs", "nowhere"]);
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: 'error: resource not found in zone "ch-dk-2"\n' });
    expect(listings()).toBe(1);
  });

  it("Ctrl-C during the search ends the command as anywhere else", async () => {
    s.emulator.faults.inject({ kind: "slow", delayMs: 5000, method: "GET", path: "/dbaas-service" });
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(), 300);
    const result = await s.exo(["dbaas", "logs", "nowhere"], { signal: interrupt.signal });
    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: "error: context canceled\n" });
  });
});
