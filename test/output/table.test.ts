import { describe, expect, it } from "vitest";
import { formatHeader, renderEmbeddedTable, renderStreamingTable, renderTable } from "../../src/output/table.js";
import { displayWidth } from "../../src/output/width.js";

describe("renderTable", () => {
  const data = { header: ["Database Service"], rows: [["Zone", "ch-gva-2"]] };

  it("draws the markdown style when piped", () => {
    expect(renderTable(data, false)).toBe(
      "| DATABASE SERVICE |          |\n" + "|------------------|----------|\n" + "| Zone             | ch-gva-2 |\n",
    );
  });

  it("draws boxes with ┼ junctions on a terminal", () => {
    expect(renderTable(data, true)).toBe(
      "┼──────────────────┼──────────┼\n" +
        "│ DATABASE SERVICE │          │\n" +
        "┼──────────────────┼──────────┼\n" +
        "│ Zone             │ ch-gva-2 │\n" +
        "┼──────────────────┼──────────┼\n",
    );
  });

  it("prints nothing for a header without rows", () => {
    expect(renderTable({ header: ["a", "b"], rows: [] }, false)).toBe("");
    expect(renderTable({ header: ["a", "b"], rows: [] }, true)).toBe("");
  });

  it("prints tables without a header", () => {
    expect(renderTable({ rows: [["a", "1"]] }, false)).toBe("| a | 1 |\n");
    expect(renderTable({ rows: [["a", "1"]] }, true)).toBe("┼───┼───┼\n│ a │ 1 │\n┼───┼───┼\n");
  });

  it("centres headers with the smaller gap on the left", () => {
    expect(renderTable({ header: ["ab"], rows: [["abcde"]] }, false).split("\n")[0]).toBe("|  AB   |");
  });

  it("spreads multi-line cells over several lines and keeps a trailing empty line", () => {
    expect(renderTable({ rows: [["key", "one\ntwo\n"], ["x", "y"]] }, false)).toBe(
      "| key | one |\n|     | two |\n|     |     |\n| x   | y   |\n",
    );
  });

  it("fills missing lines with two spaces, overflowing one-character columns as tablewriter does", () => {
    expect(renderTable({ rows: [["k", "one\ntwo"]] }, false)).toBe("| k | one |\n|    | two |\n");
  });

  it("measures East Asian wide characters as two columns", () => {
    expect(displayWidth("日本")).toBe(4);
    expect(renderTable({ rows: [["日本", "x"], ["abcde", "y"]] }, false)).toBe("| 日本  | x |\n| abcde | y |\n");
  });

  it("does not right-align numbers in exo's main tables", () => {
    expect(renderTable({ rows: [["1"], ["100"]] }, false)).toBe("| 1   |\n| 100 |\n");
  });
});

describe("formatHeader", () => {
  it("upper-cases and replaces _ and . like tablewriter", () => {
    expect(formatHeader("node_cpus")).toBe("NODE CPUS");
    expect(formatHeader("a.b")).toBe("A B");
    expect(formatHeader("v1.2")).toBe("V1.2");
    expect(formatHeader("v.x")).toBe("V X");
    expect(formatHeader("1.2")).toBe("1.2");
    expect(formatHeader(" ")).toBe(" ");
  });
});

describe("renderEmbeddedTable", () => {
  it("right-aligns cells that look like numbers", () => {
    expect(renderEmbeddedTable([["a", "1"], ["bbb", "1,000.5"], ["c", "x"]])).toBe(
      "  a   " + "        1  \n" + "  bbb " + "  1,000.5  \n" + "  c   " + "  x        \n",
    );
  });

  it("prints the blank header line exo's nested tables carry", () => {
    expect(renderEmbeddedTable([["ab", "c"]], [" "])).toBe("          \n  ab   c  \n");
  });

  it("is empty without rows", () => expect(renderEmbeddedTable([], [" "])).toBe(""));
});

describe("renderStreamingTable", () => {
  it("truncates long values with an ellipsis, by character", () => {
    const table = renderStreamingTable(["Name"], [6], [["abcdefgh"], ["éèàçùî€"], ["abcdef"]]);
    expect(table.split("\n")).toEqual([
      "┼────────┼",
      "│ NAME   │",
      "┼────────┼",
      "│ abcde… │",
      "│ éèàçù… │",
      "│ abcdef │",
      "┼────────┼",
      "",
    ]);
  });

  it("prints nothing without rows", () => expect(renderStreamingTable(["a"], [3], [])).toBe(""));
});
