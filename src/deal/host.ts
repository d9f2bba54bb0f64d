/**
 * Where a deal's files come from. The loader asks a host for the file names of a deal and their
 * text, as TypeScript's compiler asks its CompilerHost, so a deal loads the same way from a
 * directory on disk or from text held in memory (an editor buffer, a job payload, a test).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, isAbsolute, join, relative } from "node:path";

/** A deal's files. Names are bare file names ("agreement.pacta"), without directory. */
export interface DealHost {
  /** The deal's name (its directory's name), e.g. "ramp-2002-rs1". */
  readonly name: string;
  /** How the deal's location is shown in diagnostics: its directory, or "<memory>". */
  readonly where: string;
  /** Whether the deal exists at all (the directory is there and is a directory). */
  exists(): boolean;
  /** The names of the deal's files, sorted. */
  files(): string[];
  /** The text of one file. @throws Error (with a message a person can read) if it cannot be read. */
  read(file: string): string;
  /** How a file is named in diagnostics and reports: relative to the working directory for files on disk. */
  display(file: string): string;
  /** Why the host will not read a file (a link leading outside the deal directory), or undefined. */
  refuse?(file: string): string | undefined;
}

/** A host reading the deal directory `dir` on disk. */
export function diskHost(dir: string): DealHost {
  return {
    name: basename(dir.replace(/\/+$/, "")),
    where: dir,
    exists: () => existsSync(dir) && statSync(dir).isDirectory(),
    files: () => readdirSync(dir).sort(),
    read: (file) => readFileSync(join(dir, file), "utf8"),
    display: (file) => relative(process.cwd(), join(dir, file)) || join(dir, file),
    refuse: (file) => {
      // A link may stay inside the deal; one that leads out would read another deal's (or any) file.
      const full = join(dir, file);
      if (!lstatSync(full).isSymbolicLink()) return undefined;
      let target: string;
      try {
        target = realpathSync(full);
      } catch {
        return "it is a symbolic link to a file that does not exist";
      }
      const root = realpathSync(dir);
      const inside = relative(root, target);
      return inside && !inside.startsWith("..") && !isAbsolute(inside)
        ? undefined
        : "it is a symbolic link to a file outside the deal directory, which pacta does not follow";
    },
  };
}

/**
 * A host over files held in memory: `{ "agreement.pacta": "agreement …", "amendment-1.pacta": "…" }`.
 * `name` is the deal's name in reports (default "deal"); files are shown as `name/file`.
 */
export function memoryHost(files: Readonly<Record<string, string>>, name = "deal"): DealHost {
  return {
    name,
    where: `${name}/`,
    exists: () => true,
    files: () => Object.keys(files).sort(),
    read: (file) => {
      const t = files[file];
      if (t === undefined) throw new Error("no such file in memory");
      return t;
    },
    display: (file) => `${name}/${file}`,
  };
}
