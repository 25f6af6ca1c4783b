// The filter grammar of the MSPbots table, form by form and type by type, as parsed conditions. The same forms run
// against real databases in filters.test.ts.
import { describe, expect, it } from "vitest";
import { FilterError, fixedFilterCondition, parseFilter } from "./grammar";

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

describe("filter grammar", () => {
  it("reads an empty value as 'is empty' on every type", () => {
    for (const type of ["TEXT", "NUMBER", "BOOLEAN", "DATE", "DATETIME"] as const) expect(parseFilter("", type, "c")).toEqual({ kind: "empty" });
  });

  it("TEXT: contains, the whole value with its commas", () => {
    expect(parseFilter("Tod", "TEXT", "name")).toEqual({ kind: "contains", text: "Tod" });
    expect(parseFilter("a,b", "TEXT", "name")).toEqual({ kind: "contains", text: "a,b" });
  });

  it("BOOLEAN: equals true or false; anything else is an error", () => {
    expect(parseFilter("true", "BOOLEAN", "is_default")).toEqual({ kind: "equals", value: true });
    expect(parseFilter("FALSE", "BOOLEAN", "is_default")).toEqual({ kind: "equals", value: false });
    expect(() => parseFilter("yes", "BOOLEAN", "is_default")).toThrow(/"yes" is not a boolean \(column "is_default"\)/);
  });

  it("NUMBER: equals, later/earlier than, between, several intervals, interval or equal", () => {
    expect(parseFilter("654321324612312", "NUMBER", "id")).toEqual({ kind: "any", intervals: [], equals: [654321324612312] });
    expect(parseFilter("12.6,", "NUMBER", "price")).toEqual({ kind: "any", intervals: [{ lower: { value: 12.6, inclusive: true } }], equals: [] });
    expect(parseFilter(",56.3", "NUMBER", "price")).toEqual({ kind: "any", intervals: [{ upper: { value: 56.3, inclusive: true } }], equals: [] });
    expect(parseFilter("12.6,56.3", "NUMBER", "price")).toEqual({
      kind: "any",
      intervals: [{ lower: { value: 12.6, inclusive: true }, upper: { value: 56.3, inclusive: true } }],
      equals: [],
    });
    expect(parseFilter("12.6,56.3,103,210", "NUMBER", "price")).toMatchObject({
      intervals: [{ lower: { value: 12.6 }, upper: { value: 56.3 } }, { lower: { value: 103 }, upper: { value: 210 } }],
      equals: [],
    });
    expect(parseFilter("12.6,56.3,105.1", "NUMBER", "price")).toMatchObject({ intervals: [{ lower: { value: 12.6 }, upper: { value: 56.3 } }], equals: [105.1] });
    expect(parseFilter("-3.5e2, 7", "NUMBER", "n")).toMatchObject({ intervals: [{ lower: { value: -350 }, upper: { value: 7 } }] });
  });

  it("NUMBER: says what is wrong with a value", () => {
    expect(() => parseFilter("abc", "NUMBER", "price")).toThrow(/"abc" is not a number \(column "price"\)/);
    expect(() => parseFilter("1,x", "NUMBER", "price")).toThrow(/"x" is not a number/);
    expect(() => parseFilter(",", "NUMBER", "price")).toThrow(/neither bound/);
    expect(() => parseFilter("56,12", "NUMBER", "price")).toThrow(/ends before it starts/);
    expect(() => parseFilter("1,2,", "NUMBER", "price")).toThrow(/ends with an empty value/);
    expect(() => parseFilter("1e999", "NUMBER", "price")).toThrow(FilterError);
  });

  it("DATE: a single date is a start; later/earlier than, between, intervals, interval or later than", () => {
    const from = (d: string) => ({ value: d, inclusive: true });
    expect(parseFilter("2022-07-01", "DATE", "date")).toEqual({ kind: "any", intervals: [{ lower: from("2022-07-01") }], equals: [] });
    expect(parseFilter("2022-07-01,", "DATE", "date")).toEqual({ kind: "any", intervals: [{ lower: from("2022-07-01") }], equals: [] });
    expect(parseFilter(",2023-02-01", "DATE", "date")).toEqual({ kind: "any", intervals: [{ upper: from("2023-02-01") }], equals: [] });
    expect(parseFilter("2022-07-01,2023-02-01", "DATE", "date")).toEqual({ kind: "any", intervals: [{ lower: from("2022-07-01"), upper: from("2023-02-01") }], equals: [] });
    expect(parseFilter("2022-07-01,2023-02-01,2023-04-01,2023-05-01", "DATE", "date")).toEqual({
      kind: "any",
      intervals: [
        { lower: from("2022-07-01"), upper: from("2023-02-01") },
        { lower: from("2023-04-01"), upper: from("2023-05-01") },
      ],
      equals: [],
    });
    expect(parseFilter("2022-07-01,2023-02-01,2023-04-01", "DATE", "date")).toEqual({
      kind: "any",
      intervals: [{ lower: from("2022-07-01"), upper: from("2023-02-01") }, { lower: from("2023-04-01") }],
      equals: [],
    });
  });

  it("DATE: rejects what is not a calendar date", () => {
    expect(() => parseFilter("2022-13-01", "DATE", "date")).toThrow(/"2022-13-01" is not a date \(column "date"\). Use YYYY-MM-DD/);
    expect(() => parseFilter("2023-02-30", "DATE", "date")).toThrow(/not a date/);
    expect(() => parseFilter("yesterday", "DATE", "date")).toThrow(/not a date/);
    expect(() => parseFilter("2023-01-01T10:00", "DATE", "date")).toThrow(/not a date/);
  });

  it("DATETIME: whole days (an end date covers its day), instants in UTC or with an offset", () => {
    expect(parseFilter("2022-07-01", "DATETIME", "t")).toEqual({ kind: "any", intervals: [{ lower: { value: day("2022-07-01"), inclusive: true } }], equals: [] });
    expect(parseFilter(",2023-02-01", "DATETIME", "t")).toEqual({ kind: "any", intervals: [{ upper: { value: day("2023-02-02"), inclusive: false } }], equals: [] });
    expect(parseFilter("2022-07-01 10:30,2022-07-01T12:00:00.5Z", "DATETIME", "t")).toEqual({
      kind: "any",
      intervals: [{ lower: { value: new Date("2022-07-01T10:30:00Z"), inclusive: true }, upper: { value: new Date("2022-07-01T12:00:00.500Z"), inclusive: true } }],
      equals: [],
    });
    const offset = new Date("2022-07-01T00:00:00Z");
    expect(parseFilter("2022-07-01T02:00:00+02:00,", "DATETIME", "t")).toMatchObject({ intervals: [{ lower: { value: offset } }] });
    // A "+" that a query string turned into a space.
    expect(parseFilter("2022-07-01T02:00:00 02:00,", "DATETIME", "t")).toMatchObject({ intervals: [{ lower: { value: offset } }] });
    expect(parseFilter("2022-07-01T02:00:00+0200,", "DATETIME", "t")).toMatchObject({ intervals: [{ lower: { value: offset } }] });
    expect(parseFilter("2021-10-10,2023-03-30,2023-04-05", "DATETIME", "Update Date")).toMatchObject({
      intervals: [{ lower: { value: day("2021-10-10") }, upper: { value: day("2023-03-31"), inclusive: false } }, { lower: { value: day("2023-04-05") } }],
    });
    expect(() => parseFilter("2022-07-01T25:00", "DATETIME", "t")).toThrow(/not a date or time \(column "t"\)/);
    expect(() => parseFilter("soon", "DATETIME", "t")).toThrow(/not a date or time/);
    expect(() => parseFilter("2023-02-01,2022-07-01", "DATETIME", "t")).toThrow(/ends before it starts/);
  });

  it("fixed filters add exact text, not empty, the last N days and this month", () => {
    const now = new Date("2024-05-17T10:00:00Z");
    expect(fixedFilterCondition({ op: "one_of", value: "failed, missed" }, "TEXT", "Status", now)).toEqual({ kind: "one_of", values: ["failed", "missed"] });
    expect(fixedFilterCondition({ op: "not_empty", value: "" }, "NUMBER", "n", now)).toEqual({ kind: "not_empty" });
    expect(fixedFilterCondition({ op: "last_days", value: "7" }, "DATETIME", "Started", now)).toEqual({ kind: "any", intervals: [{ lower: { value: new Date("2024-05-10T10:00:00Z"), inclusive: true } }], equals: [] });
    expect(fixedFilterCondition({ op: "this_month", value: "" }, "DATE", "Month", now)).toEqual({
      kind: "any",
      intervals: [{ lower: { value: "2024-05-01", inclusive: true }, upper: { value: "2024-05-31", inclusive: true } }],
      equals: [],
    });
    expect(fixedFilterCondition({ op: "this_month", value: "" }, "DATETIME", "Started", now)).toMatchObject({
      intervals: [{ lower: { value: new Date("2024-05-01T00:00:00Z") }, upper: { value: new Date("2024-06-01T00:00:00Z"), inclusive: false } }],
    });
    expect(fixedFilterCondition({ op: "matches", value: "12.6," }, "NUMBER", "n", now)).toMatchObject({ intervals: [{ lower: { value: 12.6 } }] });
    expect(() => fixedFilterCondition({ op: "one_of", value: "x" }, "NUMBER", "n", now)).toThrow(/text columns/);
    expect(() => fixedFilterCondition({ op: "last_days", value: "0" }, "DATE", "d", now)).toThrow(/whole number of days/);
    expect(() => fixedFilterCondition({ op: "this_month", value: "" }, "TEXT", "t", now)).toThrow(/date columns/);
  });
});
