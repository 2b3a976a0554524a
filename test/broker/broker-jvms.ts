// The broker JVMs running from a jar directory, read from /proc: which of them map a class-data sharing archive.
import { readdirSync, readFileSync } from "node:fs";

export interface BrokerJvm {
  pid: string;
  mapsArchive: boolean;
}

/** The broker JVMs whose class path is in `libsDir` (pid order), and whether each maps the file `archive`. */
export function brokerJvms(libsDir: string, archive: string): BrokerJvm[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        if (!cmdline.includes(libsDir) || !cmdline.includes("ExoBrokerLauncher")) return [];
        return [{ pid, mapsArchive: readFileSync(`/proc/${pid}/maps`, "utf8").includes(archive) }];
      } catch {
        return [];
      }
    });
}
