// The API page's reading of the OpenAPI document: readable types, access, curl.
import { describe, expect, it } from "vitest";
import { describeDocument, describeSchema } from "@/lib/api/describe";
import { openApiDocument } from "@/lib/api/openapi";

describe("describeSchema", () => {
  it.each([
    [{ $ref: "#/components/schemas/Listing" }, "Listing"],
    [{ type: "string", format: "uuid" }, "uuid"],
    [{ type: ["array", "null"], items: { type: "string", enum: ["EQUITY", "DEBT"] } }, "array of EQUITY | DEBT"],
    [{ type: "integer", maximum: 100 }, "integer ≤ 100"],
    [{ anyOf: [{ type: "string", enum: ["PUNJAB"] }, { type: "string", enum: [""] }, { type: "null" }] }, "PUNJAB"],
  ])("%j → %s", (schema, text) => {
    expect(describeSchema(schema)).toBe(text);
  });
});

describe("describeDocument", () => {
  const tags = describeDocument(openApiDocument(), "https://kizuna.example");
  const operation = (id: string) => tags.flatMap((tag) => tag.operations).find((candidate) => candidate.id === id)!;

  it("lists every operation of the document once", () => {
    const ids = tags.flatMap((tag) => tag.operations.map((candidate) => candidate.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["searchListings", "createListing", "getListing", "updateListing", "submitListing", "getOpenApiDocument"]));
  });

  it("tells public from signed-in operations and writes a curl line with the token only where needed", () => {
    expect(operation("getListing").access).toBe("public");
    expect(operation("getListing").curl).not.toContain("Authorization");
    expect(operation("createListing").access).toBe("signedIn");
    expect(operation("createListing").curl).toContain('-X POST "https://kizuna.example/api/v1/listings"');
    expect(operation("createListing").curl).toContain("Authorization: Bearer $KIZUNA_TOKEN");
    expect(operation("createListing").requestBody?.schema).toBe("ListingInput");
    expect(operation("searchListings").curl).toContain("province=PUNJAB");
  });
});
