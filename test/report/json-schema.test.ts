/** Every JSON report validates against docs/run.schema.json (with and without the trace). */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, toJson } from "../../src/api.ts";
import { runOrFail } from "../helpers/deal.ts";

const schema = JSON.parse(readFileSync("docs/run.schema.json", "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe("the JSON report's schema", () => {
  const rs1 = runOrFail("agreements/ramp-2002-rs1", { maxPeriods: 12 });
  const stressed = runOrFail("agreements/ramp-2002-rs1", {
    scenario: { ppc: "50", cdr: "8", severity: "45", lag: "4" },
  });
  const toy = runOrFail("test/fixtures/toy", { maxPeriods: 12 });

  for (const [name, r] of [
    ["RS1, 12 dates", rs1],
    ["RS1 stressed, whole run", stressed],
    ["the toy deal", toy],
  ] as const)
    for (const trace of [false, true])
      it(`accepts ${name}${trace ? " with the trace" : ""}`, () => {
        const ok = validate(JSON.parse(JSON.stringify(toJson(r, { trace }))));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      });

  it("states the schema version it follows", () => {
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
    expect((toJson(rs1) as { schemaVersion: number }).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("rejects a report with a money figure that is not to the cent", () => {
    const j = JSON.parse(JSON.stringify(toJson(rs1))) as {
      periods: { classes: Record<string, { interest: string }> }[];
    };
    j.periods[0]!.classes["A-I-1"]!.interest = "152.333";
    expect(validate(j)).toBe(false);
  });
});
