// SCRAM-SHA-256 client messages against the example exchange of RFC 7677 section 3.
import { describe, expect, it } from "vitest";
import { ScramClient, ScramError } from "../../../src/kafka/connect-check/scram.js";

const SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

describe("ScramClient", () => {
  it("produces RFC 7677's client messages and accepts its server signature", () => {
    const client = new ScramClient("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
    expect(client.first()).toBe("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
    expect(client.final(SERVER_FIRST)).toBe("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    expect(client.verify("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).toBe(true);
    expect(client.verify("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).toBe(false);
  });

  it("escapes = and , in the username and refuses a server that does not extend the nonce", () => {
    const client = new ScramClient("a=b,c", "p", "nonce");
    expect(client.first()).toBe("n,,n=a=3Db=2Cc,r=nonce");
    expect(() => client.final("r=other,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")).toThrow(ScramError);
    expect(() => client.final("r=nonce,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")).toThrow(ScramError);
    expect(() => client.final("r=nonceX,s=,i=4096")).toThrow(ScramError);
  });
});
