// redactText: a URI's whole userinfo password goes, whatever it holds; text that only looks close stays.
import { describe, expect, it } from "vitest";
import { collectSecrets, redactText } from "../../src/api/trace.js";

describe("redactText on URIs", () => {
  it.each([
    ["https://u:PASS@host", "https://u:[REDACTED]@host"],
    ["https://u:p@ss@host:9200/x", "https://u:[REDACTED]@host:9200/x"],
    ["https://u:p:a:ss@host", "https://u:[REDACTED]@host"],
    ["https://u:p%40ss%3A@host", "https://u:[REDACTED]@host"],
    ["kafka://avnadmin:secret@h1:1, kafka://b:other@h2:2", "kafka://avnadmin:[REDACTED]@h1:1, kafka://b:[REDACTED]@h2:2"],
    ["https://TOKEN123@host", "https://[REDACTED]@host"],
    ['{"url":"https://u:p@w@host"}', '{"url":"https://u:[REDACTED]@host"}'],
  ])("%s", (text, redacted) => {
    expect(redactText(text)).toBe(redacted);
  });

  it.each(["https://host/path?mail=a@b.c", "mail me at a@b.c", "https://host#a@b", "no scheme u:p@host"])("leaves %s alone", (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe("collectSecrets", () => {
  it("takes secret members and URI passwords, also as JSON and URL encoding show them", () => {
    const found = new Set<string>();
    collectSecrets({ settings: { url: "https://u:p%40ss:w@host", "basic-auth-password": 'pa"ss\\word' }, name: "not-a-secret" }, found);
    expect([...found].sort()).toEqual(['pa"ss\\word', 'pa\\"ss\\\\word', "pa%22ss%5Cword", "p%40ss:w", "p%2540ss%3Aw", "p@ss:w", "p%40ss%3Aw"].sort());
  });
});
