// Things that make a file move fail, where the platform allows them: an immutable file (chattr +i,
// root on ext4 and the like) and a read-only directory (mode 0555, or for root, whom modes do not
// stop, a read-only bind mount). Each returns its undo, or undefined when it cannot be done here.
import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";

const quietly = (command: string, args: string[]): boolean => {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

export function makeImmutable(path: string): (() => void) | undefined {
  if (!quietly("chattr", ["+i", path])) return undefined;
  return () => void quietly("chattr", ["-i", path]);
}

export function makeReadOnlyDir(dir: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o700);
  }
  if (!quietly("mount", ["--bind", dir, dir])) return undefined;
  if (!quietly("mount", ["-o", "remount,ro,bind", dir])) {
    quietly("umount", [dir]);
    return undefined;
  }
  return () => void quietly("umount", [dir]);
}
