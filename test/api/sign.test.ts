import { describe, expect, it } from "vitest";
import { parseAuthorization, signRequest, stringToSign } from "../../src/api/sign.js";

// Worked examples from the API reference (made-up credentials, pinned expiry).
const key = "EXOa1b2c3d4e5f6a7b8c9d0e1f2";
const secret = "s3cr3t-Example-Secret-For-Tests_0123456789";
const expires = 1767225600;

describe("EXO2-HMAC-SHA256", () => {
  it("A: GET without body or query", () => {
    const url = "https://api-ch-gva-2.exoscale.com/v2/dbaas-kafka/my-kafka";
    expect(stringToSign({ method: "GET", url, expires }).message).toBe("GET /v2/dbaas-kafka/my-kafka\n\n\n\n1767225600");
    expect(signRequest({ method: "GET", url, key, secret, expires })).toBe(
      "EXO2-HMAC-SHA256 credential=EXOa1b2c3d4e5f6a7b8c9d0e1f2,expires=1767225600,signature=qeFaaw3e9wYd4ec3nJCNiweObSTMyQRImDID9GXHVR8=",
    );
  });

  it("B: POST with a JSON body", () => {
    const url = "https://api-ch-gva-2.exoscale.com/v2/dbaas-kafka/my-kafka/user";
    const body = '{"username":"alice"}';
    expect(stringToSign({ method: "POST", url, body, expires }).message).toBe(
      'POST /v2/dbaas-kafka/my-kafka/user\n{"username":"alice"}\n\n\n1767225600',
    );
    expect(signRequest({ method: "POST", url, body, key, secret, expires })).toBe(
      "EXO2-HMAC-SHA256 credential=EXOa1b2c3d4e5f6a7b8c9d0e1f2,expires=1767225600,signature=SdPCa4QeK1oq585btJ/qAnch5lXT/LERi4ALNsg+0vw=",
    );
  });

  it("C: query arguments given out of order are signed in name order", () => {
    const url = "https://api-de-fra-1.exoscale.com/v2/resource/a02baf5a-a3e4-49a0-857b-8a08d276c1c0?p2=v2&p1=v1";
    expect(stringToSign({ method: "GET", url, expires }).message).toBe(
      "GET /v2/resource/a02baf5a-a3e4-49a0-857b-8a08d276c1c0\n\nv1v2\n\n1767225600",
    );
    expect(signRequest({ method: "GET", url, key, secret, expires })).toBe(
      "EXO2-HMAC-SHA256 credential=EXOa1b2c3d4e5f6a7b8c9d0e1f2,signed-query-args=p1;p2,expires=1767225600,signature=5zFGy7Dj5fEtpsPF+INVrM0H8Ed8VCDz2iHSZMN79tQ=",
    );
  });

  it("skips multi-valued query parameters", () => {
    const { message, signedQueryArgs } = stringToSign({ method: "get", url: "/v2/x?a=1&a=2&b=3", expires });
    expect(signedQueryArgs).toEqual(["b"]);
    expect(message).toBe("GET /v2/x\n\n3\n\n1767225600");
  });

  it("signs a single empty value like the SDK (Go's len(values) == 1): name listed, nothing added to the values", () => {
    for (const url of ["/v2/x?e=&b=3", "/v2/x?b=3&e"]) {
      const { message, signedQueryArgs } = stringToSign({ method: "GET", url, expires });
      expect(signedQueryArgs).toEqual(["b", "e"]);
      expect(message).toBe("GET /v2/x\n\n3\n\n1767225600");
    }
    expect(signRequest({ method: "GET", url: "/v2/x?e=&b=3", key, secret, expires })).toContain(",signed-query-args=b;e,expires=1767225600,");
  });

  it("a different secret gives a different signature", () => {
    const url = "https://api-ch-gva-2.exoscale.com/v2/dbaas-kafka/my-kafka";
    expect(signRequest({ method: "GET", url, key, secret: "other", expires })).not.toContain("qeFaaw3e9wYd4ec3nJCNiweObSTMyQRImDID9GXHVR8=");
  });

  it("parses its own header back", () => {
    const header = signRequest({ method: "GET", url: "/v2/r?p2=v2&p1=v1", key, secret, expires });
    expect(parseAuthorization(header)).toEqual({
      credential: key,
      signedQueryArgs: ["p1", "p2"],
      expires,
      signature: header.split("signature=")[1],
    });
    expect(parseAuthorization("Bearer x")).toBeUndefined();
    expect(parseAuthorization("EXO2-HMAC-SHA256 credential=a,expires=x,signature=s")).toBeUndefined();
  });
});
