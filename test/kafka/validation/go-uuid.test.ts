// UUIDs as exo reads them (github.com/google/uuid Parse): every case's answer was printed by
// uuid.Parse v1.6.0 itself, "ok" or its error text.
import { describe, expect, it } from "vitest";
import { parseGoUuid } from "../../../src/kafka/validation/external.js";
import cases from "./go-uuid-cases.json" with { type: "json" };

describe("parseGoUuid agrees with uuid.Parse", () => {
  it.each(cases as [string, string][])("%j → %s", (input, expected) => {
    const result = parseGoUuid(input);
    expect("error" in result ? result.error : "ok").toBe(expected);
  });
});
