import { describe, expect, it } from "vitest";
import { apiErrorFor, AuthError, formatApiErrorMessage, NotFoundError, ServerError, ValidationError } from "../../src/api/errors.js";

describe("API error messages (exo's formatting)", () => {
  it.each([
    [404, '{"message":"resource not found"}', "Not Found: resource not found"],
    [409, '{"error":"busy"}', "Conflict: busy"],
    [500, "", "Internal Server Error"],
    [502, "<html>bad gateway</html>", "Bad Gateway: <html>bad gateway</html>"],
    [400, '{"title":"T"}', "Bad Request: T: T"],
    [400, '{"detail":"D"}', "Bad Request: : D"],
    [499, "{}", "HTTP error 499"],
    [413, "{}", "Request Entity Too Large"],
  ])("%i %s", (status, body, expected) => {
    expect(formatApiErrorMessage(status, body)).toBe(expected);
  });

  it("lists RFC 9457 errors[] entries with flag names and enum hints", () => {
    const body = JSON.stringify({
      title: "Invalid request",
      detail: "validation failed",
      errors: [
        { location: "$['plan']", detail: 'does not have a value in the enumeration ["a","b"]' },
        { location: "body", detail: "bad" },
        { detail: "no location" },
        "plain string",
      ],
    });
    expect(formatApiErrorMessage(400, body)).toBe(
      "Bad Request: Invalid request: validation failed; --plan: invalid value; valid values are: a, b; body: bad; no location; plain string",
    );
  });

  it("classifies by status", () => {
    expect(apiErrorFor(404, "")).toBeInstanceOf(NotFoundError);
    expect(apiErrorFor(401, "")).toBeInstanceOf(AuthError);
    expect(apiErrorFor(403, "")).toBeInstanceOf(AuthError);
    expect(apiErrorFor(422, "")).toBeInstanceOf(ValidationError);
    expect(apiErrorFor(503, "")).toBeInstanceOf(ServerError);
    expect(apiErrorFor(409, "").kind).toBe("api");
  });
});
