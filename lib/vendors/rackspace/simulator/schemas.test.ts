// The parsing helpers the app's client reuses, and the simulator's formatting round-tripping through them.
import { describe, expect, it } from "vitest";
import {
  parseRackspaceBoolean,
  parseRackspaceDate,
  parseRackspaceDuration,
  parseRackspaceInteger,
  parseRackspaceSize,
} from "../schemas";
import { RACKSPACE_MIN_DATE, formatSize, formatTimeSpan, toRackspaceDate, toWireText } from "./format";

describe("parseRackspaceDate", () => {
  it("reads /Date(ms)/ with or without Json.NET's escaping and offset", () => {
    expect(parseRackspaceDate("/Date(1357817400000)/")?.getTime()).toBe(1357817400000);
    expect(parseRackspaceDate("\\/Date(1357817400000)\\/")?.getTime()).toBe(1357817400000);
    expect(parseRackspaceDate("/Date(1357817400000-0500)/")?.getTime()).toBe(1357817400000);
  });

  it("gives null for null, garbage and DateTime.MinValue", () => {
    expect(parseRackspaceDate(null)).toBeNull();
    expect(parseRackspaceDate("2013-01-10")).toBeNull();
    expect(parseRackspaceDate(RACKSPACE_MIN_DATE)).toBeNull();
  });

  it("reads what the simulator writes", () => {
    const text = toWireText({ at: toRackspaceDate(1358752980000) });
    expect(text).toBe('{"at":"\\/Date(1358752980000)\\/"}');
    expect(parseRackspaceDate(JSON.parse(text).at)?.getTime()).toBe(1358752980000);
  });
});

describe("parseRackspaceSize", () => {
  it("reads binary units", () => {
    expect(parseRackspaceSize("35.3 MB")).toBe(Math.round(35.3 * 1024 ** 2));
    expect(parseRackspaceSize("3.7 GB")).toBe(Math.round(3.7 * 1024 ** 3));
    expect(parseRackspaceSize("18 MB")).toBe(18 * 1024 ** 2);
    expect(parseRackspaceSize("0 B")).toBe(0);
    expect(parseRackspaceSize(10245674584)).toBe(10245674584);
  });

  it("gives null for what it cannot read", () => {
    expect(parseRackspaceSize("lots")).toBeNull();
    expect(parseRackspaceSize("12 parsecs")).toBeNull();
    expect(parseRackspaceSize(null)).toBeNull();
  });

  it("round-trips the simulator's formatting", () => {
    for (const text of ["35.3 MB", "3.7 GB", "18 MB", "512 B", "1.5 TB"]) expect(formatSize(parseRackspaceSize(text) ?? -1)).toBe(text);
  });
});

describe("parseRackspaceBoolean, parseRackspaceInteger, parseRackspaceDuration", () => {
  it("accepts the seed's boolean spellings", () => {
    expect([true, "true", "True"].map(parseRackspaceBoolean)).toEqual([true, true, true]);
    expect([false, "false", "False", null, undefined, "yes"].map(parseRackspaceBoolean)).toEqual([false, false, false, false, false, false]);
  });

  it("reads ids sent as numbers or strings", () => {
    expect(parseRackspaceInteger(213564)).toBe(213564);
    expect(parseRackspaceInteger("11936")).toBe(11936);
    expect(parseRackspaceInteger("12a")).toBeNull();
  });

  it("reads TimeSpans", () => {
    expect(parseRackspaceDuration("00:04:33")).toBe(273_000);
    expect(parseRackspaceDuration("1.02:03:04")).toBe(((26 * 60 + 3) * 60 + 4) * 1000);
    expect(parseRackspaceDuration(formatTimeSpan(90_061_000))).toBe(90_061_000);
    expect(parseRackspaceDuration("soon")).toBeNull();
  });
});
