/**
 * Scenario options as people type them (on the command line, or as strings through the API):
 * percentages as written ("20", "20%", "0.5"), months as whole numbers. Validated here, once,
 * into a typed `Scenario`.
 */
import { diag, PactaError } from "../core/diagnostics.ts";
import { Decimal } from "../core/money.ts";
import type { Scenario } from "./scenario.ts";

/** The scenario options, as typed: `cpr` or `ppc`, `cdr`, `severity`, `lag` (months), or `collateral` (a CSV path). */
export interface ScenarioOptions {
  collateral?: string;
  cpr?: string;
  ppc?: string;
  cdr?: string;
  severity?: string;
  lag?: string;
  /** Percent of the PSA benchmark ("150"), instead of --cpr or --ppc. */
  psa?: string;
  /** Percent of the SDA default curve ("100"), instead of --cdr. */
  sda?: string;
  /** True for `--to-call`: the run goes to the optional termination. */
  toCall?: boolean;
  /** The optional termination's threshold, percent of the cut-off balance ("10"); implies `toCall`. */
  callPercent?: string;
  /** False for `--no-advancing`: defaulted loans pay nothing until liquidated. */
  advancing?: boolean;
}

const cli = { file: "<command line>", line: 1, column: 1 };

/** Parses "20", "20%" or "0.5" as a percentage of 100 → decimal (20 → 0.20). @throws PactaError */
export function percentOption(name: string, text: string, max = 100): Decimal {
  const t = text.trim().replace(/%$/, "");
  if (/^-\d+(\.\d+)?$/.test(t))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} must not be negative, got "${text}"`,
        hint: `--${name} is a percentage from 0 to ${max}`,
      }),
    ]);
  if (!/^\d+(\.\d+)?$/.test(t))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} must be a percentage, got "${text}"`,
        hint: `write e.g. --${name} 20 for 20%`,
      }),
    ]);
  const v = new Decimal(t);
  if (v.gt(max))
    throw new PactaError([
      diag("PA5001", cli, {
        message: `--${name} is ${text}, above ${max}%`,
        hint: `--${name} is a percentage from 0 to ${max}`,
      }),
    ]);
  return v.div(100);
}

/** Parses a whole number option (months, periods). @throws PactaError */
export function wholeOption(name: string, text: string): number {
  if (/^\s*-\d+\s*$/.test(text))
    throw new PactaError([
      diag("PA5001", cli, { message: `--${name} must not be negative, got "${text}"`, hint: `e.g. --${name} 12` }),
    ]);
  if (!/^\d+$/.test(text.trim()))
    throw new PactaError([
      diag("PA5001", cli, { message: `--${name} must be a whole number, got "${text}"`, hint: `e.g. --${name} 12` }),
    ]);
  return Number(text);
}

/**
 * The scenario the options describe: remittance data when `collateral` is given, else a
 * projection at `cpr` (constant) or `ppc` (a multiple of the pricing curve; default 100%), with
 * `cdr` (default 0%), `severity` (default 35%) and `lag` (default 12 months).
 * @throws PactaError (PA5001) on an option out of range, of the wrong form, or in conflict.
 */
export function scenarioFromOptions(o: ScenarioOptions): Scenario {
  if (o.collateral !== undefined) {
    if (o.cpr || o.ppc || o.psa || o.cdr || o.sda || o.severity || o.lag || o.advancing === false || o.toCall)
      throw new PactaError([
        diag("PA5001", cli, {
          message:
            "--collateral gives actual collections; --cpr, --ppc, --cdr, --severity and --lag apply only to the projection",
          hint: "drop either --collateral or the scenario options",
        }),
      ]);
    return { kind: "remittance", file: o.collateral };
  }
  if ([o.cpr, o.ppc, o.psa].filter((x) => x !== undefined).length > 1)
    throw new PactaError([
      diag("PA5001", cli, {
        message: "give one of --cpr, --ppc and --psa",
        hint: "--cpr is a constant speed; --ppc scales the pricing curve; --psa scales the PSA benchmark",
      }),
    ]);
  if (o.cdr !== undefined && o.sda !== undefined)
    throw new PactaError([
      diag("PA5001", cli, {
        message: "give either --cdr or --sda, not both",
        hint: "--cdr is a constant default rate; --sda scales the Standard Default Assumption curve",
      }),
    ]);
  const scenario: Scenario = {
    kind: "projection",
    prepayment:
      o.cpr !== undefined
        ? { kind: "cpr", cpr: percentOption("cpr", o.cpr) }
        : o.psa !== undefined
          ? { kind: "psa", multiple: percentOption("psa", o.psa, 1666) }
          : { kind: "pricing", multiple: o.ppc !== undefined ? percentOption("ppc", o.ppc, 1000) : new Decimal(1) },
    cdr: o.cdr !== undefined ? percentOption("cdr", o.cdr) : new Decimal(0),
    severity: o.severity !== undefined ? percentOption("severity", o.severity) : new Decimal("0.35"),
    recoveryLagMonths: o.lag !== undefined ? wholeOption("lag", o.lag) : 12,
    advancing: o.advancing !== false,
  };
  if (o.sda !== undefined) scenario.sda = percentOption("sda", o.sda, 16666);
  if (o.toCall || o.callPercent !== undefined)
    scenario.cleanUpCall =
      o.callPercent !== undefined ? percentOption("call-percent", o.callPercent) : new Decimal("0.1");
  return scenario;
}
