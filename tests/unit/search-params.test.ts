import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "@/lib/listings/export";
import { districtLexeme, facetTsQuery } from "@/lib/listings/search";
import { emptySearch, parseSearchQuery, toSearchHref, toSearchQuery, toggleFilterValue } from "@/lib/listings/search-schema";
import { correctSpelling, editDistance, vocabularyFrom } from "@/lib/listings/search-spelling";

function parse(query: string) {
  const parsed = parseSearchQuery(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.params;
}

describe("search parameters", () => {
  it("have defaults for an empty query", () => {
    expect(parse("")).toEqual(emptySearch());
    expect(emptySearch()).toMatchObject({ sort: "relevance", limit: 20, currency: "USD", sector: [], province: [] });
  });

  it.each([
    "q=dairy+plant",
    "q=%E9%85%AA%E8%BE%B2&sector=dairy&sector=food-processing",
    "province=PUNJAB&province=SINDH&district=Rahim+Yar+Khan",
    "kind=PLOT&kind=SEZ&stage=READY&instrument=DEBT&instrument=EQUITY",
    "size=10m-100m&size=lt1m&sort=size&limit=50&currency=JPY",
    "sort=newest&cursor=WyJuIiwiMjAyNS0wMS0wMSAwMDowMDowMCIsImEiXQ",
  ])("round-trip %s", (query) => {
    const params = parse(query);
    const written = toSearchQuery(params).toString();
    expect(parse(written)).toEqual(params);
    // Written queries are canonical: writing again gives the same text.
    expect(toSearchQuery(parse(written)).toString()).toBe(written);
  });

  it("accept comma lists and any letter case, and write them canonically", () => {
    const params = parse("province=punjab,Sindh&kind=sez&currency=jpy&sector=Dairy");
    expect(params).toMatchObject({ province: ["PUNJAB", "SINDH"], kind: ["SEZ"], currency: "JPY", sector: ["dairy"] });
    expect(toSearchQuery(params).toString()).toBe("sector=dairy&province=PUNJAB&province=SINDH&kind=SEZ&currency=JPY");
  });

  it("leave defaults out of URLs", () => {
    expect(toSearchHref("/opportunities", emptySearch())).toBe("/opportunities");
    expect(toSearchHref("/opportunities", emptySearch({ q: "steel", limit: 50 }))).toBe("/opportunities?q=steel&limit=50");
  });

  it("toggle a filter value and drop the cursor", () => {
    const params = parse("province=PUNJAB&cursor=abc");
    expect(toggleFilterValue(params, "province", "SINDH")).toMatchObject({ province: ["PUNJAB", "SINDH"], cursor: undefined });
    expect(toggleFilterValue(params, "province", "PUNJAB")).toMatchObject({ province: [] });
  });

  it.each([
    ["province=MARS", "province", "errors.field.invalidChoice"],
    ["kind=CASTLE", "kind", "errors.field.invalidChoice"],
    ["size=huge", "size", "errors.field.invalidChoice"],
    ["sort=random", "sort", "errors.field.invalidChoice"],
    ["limit=0", "limit", "errors.field.range"],
    ["limit=101", "limit", "errors.field.range"],
    ["limit=ten", "limit", "errors.field.integer"],
    ["limit=10&limit=20", "limit", "errors.search.repeated"],
    ["currency=EUR", "currency", "errors.field.invalidChoice"],
    ["cursor=not%20a%20cursor", "cursor", "errors.search.cursor"],
    ["sector=Not+A+Slug", "sector", "errors.search.unknownSector"],
    [`q=${"x".repeat(201)}`, "q", "errors.field.tooLong"],
    ["colour=red", "colour", "errors.search.unknownParam"],
  ])("refuse %s", (query, field, message) => {
    const parsed = parseSearchQuery(new URLSearchParams(query));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors[field]).toContain(message);
  });
});

describe("facet tsquery", () => {
  it("is OR within a filter and AND across filters", () => {
    const query = facetTsQuery({ ...emptySearch(), province: ["PUNJAB", "SINDH"], kind: ["SEZ"], size: ["1m-10m"], district: "Rahim Yar Khan" }, []);
    expect(query).toBe("'~k~sez' & ('~p~punjab' | '~p~sindh') & '~d~rahim-yar-khan' & '~b~1m-10m'");
  });

  it("is null without filters, and a district that normalises to nothing matches nothing", () => {
    expect(facetTsQuery(emptySearch(), [])).toBeNull();
    expect(facetTsQuery({ ...emptySearch(), district: "!!" }, [])).toBe("'~d~-'");
  });

  it("normalises districts like the migration does", () => {
    expect(districtLexeme("  Quaid-e-Azam  Apparel Park ")).toBe("quaid-e-azam-apparel-park");
    expect(districtLexeme("D.I. Khan")).toBe("d-i-khan");
  });
});

describe("spelling correction", () => {
  const vocabulary = vocabularyFrom(["Dairy", "Food processing", "Textiles", "Khyber Pakhtunkhwa", "Special economic zone"]);

  it.each([
    ["dariy", "dairy"],
    ["textlies plant", "textiles plant"],
    ["Khyber Pakhtunkwa", "Khyber pakhtunkhwa"],
  ])("%s → %s", (query, expected) => {
    expect(correctSpelling(query, vocabulary)?.toLowerCase()).toBe(expected.toLowerCase());
  });

  it("leaves known, short and far-off words alone", () => {
    expect(correctSpelling("dairy zone", vocabulary)).toBeNull();
    expect(correctSpelling("ai", vocabulary)).toBeNull();
    expect(correctSpelling("copper", vocabulary)).toBeNull();
    expect(correctSpelling("酪農", vocabulary)).toBeNull();
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("dariy", "dairy")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("CSV cells", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+92 42 000", "'+92 42 000"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["Quaid-e-Azam Business Park", "Quaid-e-Azam Business Park"],
  ])("%s → %s", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });
});
