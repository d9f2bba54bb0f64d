/** A scenario in words, for the reports: one place, so every report says it the same way. */
import type { Scenario } from "./scenario.ts";

const pct = (x: { times(n: number): { toString(): string } }) => `${x.times(100).toString()}%`;

/** The scenario's prepayment speed: "20% CPR", "150% of the pricing prepayment assumption". */
export function describeSpeed(s: Scenario): string {
  if (s.kind === "remittance") return `remittance data ${s.file}`;
  return s.prepayment.kind === "cpr"
    ? `${pct(s.prepayment.cpr)} CPR`
    : s.prepayment.kind === "psa"
      ? `${pct(s.prepayment.multiple)} PSA`
      : `${pct(s.prepayment.multiple)} of the pricing prepayment assumption`;
}

/** The scenario's defaults and losses: "5% CDR, 35% severity, 12-month recovery lag"; "" for remittance data. */
export function describeLosses(s: Scenario): string {
  if (s.kind === "remittance") return "";
  return `${s.sda ? `${pct(s.sda)} SDA` : `${pct(s.cdr)} CDR`}, ${pct(s.severity)} severity, ${s.recoveryLagMonths}-month recovery lag${s.advancing ? "" : ", no advancing"}`;
}

/** The whole scenario: "projection at 100% of the pricing prepayment assumption, 0% CDR, …" or "remittance data FILE". */
export function describeScenario(s: Scenario): string {
  return s.kind === "remittance" ? describeSpeed(s) : `projection at ${describeSpeed(s)}, ${describeLosses(s)}`;
}
