/** Finding the .pacta files a formatter run covers. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The .pacta files under `path`: the file itself if `path` is a file (whatever its extension),
 * else every `*.pacta` file below the directory, recursively, sorted by path; `node_modules` and
 * directories whose names start with a dot are skipped. Throws the file system's error if `path`
 * cannot be read.
 */
export function pactaFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && !e.name.startsWith(".")) visit(p);
      } else if (e.isFile() && e.name.endsWith(".pacta")) out.push(p);
    }
  };
  visit(path);
  return out;
}
