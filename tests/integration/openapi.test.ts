// The OpenAPI document is valid OpenAPI 3.1, describes every API route there is,
// and every route answers as documented: the test walks the document, calls each
// operation's handler with a valid request (authenticated as its security says)
// and checks the status is documented and the body matches the documented schema.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db/client";
import { ZListingInput } from "@/lib/listings/schemas";
import { createAgency, createInvestorWithProfile, createListingInState, createSector, createUser, sessionTokenFor } from "../support/factories";
import { callRoute, routeHandlers, staffWithToken, type TApiCall } from "../support/api";

type TOperation = {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { example?: unknown } }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const doc = openApiDocument();
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const operations = Object.entries(doc.paths ?? {}).flatMap(([apiPath, item]) =>
  METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) => ({
    apiPath,
    method,
    operation: (item as Record<string, TOperation>)[method]!,
  })),
);

// ───────────────────────────── response validation with ajv ─────────────────────────────

const DOC_ID = "https://kizuna.test/openapi.json";
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default ? addFormats.default(ajv) : (addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: DOC_ID, components: doc.components });

/** A schema from the document with its local refs pointing into the registered document. */
function compile(schema: unknown) {
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)));
}

async function expectAsDocumented(operation: TOperation, response: Response, label: string): Promise<unknown> {
  const text = await response.text();
  const documented = operation.responses[String(response.status)];
  expect(documented, `${label}: status ${response.status} is not documented (${text.slice(0, 300)})`).toBeDefined();
  const schema = documented!.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  const body = JSON.parse(text) as unknown;
  const validate = compile(schema);
  expect(validate(body), `${label}: body does not match the documented schema: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`).toBe(true);
  return body;
}

// ───────────────────────────── fixtures and one valid request per operation ─────────────────────────────

type TFixtures = {
  sectorId: string;
  sectorSlug: string;
  staff: Awaited<ReturnType<typeof staffWithToken>>;
  investorCookie: string;
  adminCookie: string;
  suggestedMatchId: string;
  profileId: string;
  matchId: string;
  interestId: string;
  publishedId: string;
  draftId: string;
};
let fx: TFixtures;

const exampleOf = (operation: TOperation, name: string) => operation.parameters?.find((parameter) => parameter.name === name)?.schema?.example;
const bodyExample = (operation: TOperation) => {
  const schema = operation.requestBody?.content["application/json"]?.schema as { $ref?: string; example?: unknown } | undefined;
  const named = schema?.$ref ? (doc.components?.schemas as Record<string, { example?: unknown }>)[schema.$ref.split("/").at(-1)!] : schema;
  return structuredClone(named?.example) as Record<string, unknown>;
};

type TWalkRequest = { url: string; params?: Record<string, string>; call?: TApiCall };

/** A valid request for every operation, built from the document's examples where they can be used as they are. */
const REQUESTS: Record<string, (operation: TOperation) => TWalkRequest> = {
  getHealth: () => ({ url: "/api/health" }),
  getOpenApiDocument: () => ({ url: "/api/v1/openapi.json" }),
  getMe: () => ({ url: "/api/v1/me", call: { token: fx.staff.token } }),
  searchListings: (operation) => {
    const query = new URLSearchParams();
    // The documented examples, with a sector that exists in this database (so the page is not empty).
    for (const name of ["province", "limit", "currency"]) query.set(name, String(exampleOf(operation, name)));
    query.set("sector", fx.sectorSlug);
    return { url: `/api/v1/listings?${query}` };
  },
  createListing: (operation) => ({ url: "/api/v1/listings", call: { method: "POST", token: fx.staff.token, body: { ...bodyExample(operation), sectorIds: [fx.sectorId] } } }),
  getListing: () => ({ url: `/api/v1/listings/${fx.publishedId}`, params: { id: fx.publishedId } }),
  updateListing: (operation) => ({
    url: `/api/v1/listings/${fx.publishedId}`,
    params: { id: fx.publishedId },
    call: { method: "PATCH", token: fx.staff.token, body: bodyExample(operation) },
  }),
  submitListing: () => ({ url: `/api/v1/listings/${fx.draftId}/submit`, params: { id: fx.draftId }, call: { method: "POST", token: fx.staff.token } }),
  getInvestorProfile: () => ({ url: `/api/v1/investor-profiles/${fx.profileId}`, params: { id: fx.profileId }, call: { cookie: fx.investorCookie } }),
  updateInvestorProfile: (operation) => ({
    url: `/api/v1/investor-profiles/${fx.profileId}`,
    params: { id: fx.profileId },
    call: { method: "PATCH", cookie: fx.investorCookie, body: bodyExample(operation) },
  }),
  getMyInvestorProfile: () => ({ url: "/api/v1/me/profile", call: { cookie: fx.investorCookie } }),
  // The documented example with a sector that exists here, in USD: this database may have no exchange rates.
  saveMyInvestorProfile: (operation) => ({
    url: "/api/v1/me/profile",
    call: { method: "PUT", cookie: fx.investorCookie, body: { ...bodyExample(operation), sectorIds: [fx.sectorId], ticketCurrency: "USD" } },
  }),
  getMatch: () => ({ url: `/api/v1/matches/${fx.matchId}`, params: { id: fx.matchId }, call: { cookie: fx.investorCookie } }),
  listMyMatches: (operation) => ({
    url: `/api/v1/me/matches?sort=${String(exampleOf(operation, "sort"))}&limit=${String(exampleOf(operation, "limit"))}`,
    call: { cookie: fx.investorCookie },
  }),
  listMyNotifications: (operation) => ({ url: `/api/v1/me/notifications?limit=${String(exampleOf(operation, "limit"))}`, call: { cookie: fx.investorCookie } }),
  // The documented example (a rejection with its reason), as an admin, on a suggested match.
  reviewMatch: (operation) => ({
    url: `/api/v1/matches/${fx.suggestedMatchId}/review`,
    params: { id: fx.suggestedMatchId },
    call: { method: "POST", cookie: fx.adminCookie, body: bodyExample(operation) },
  }),
  getInterest: () => ({ url: `/api/v1/interests/${fx.interestId}`, params: { id: fx.interestId }, call: { cookie: fx.investorCookie } }),
  // The fixture investor already expressed interest in the published listing: the documented 200 with the same interest.
  expressInterest: (operation) => ({
    url: `/api/v1/listings/${fx.publishedId}/interest`,
    params: { id: fx.publishedId },
    call: { method: "POST", cookie: fx.investorCookie, body: bodyExample(operation) },
  }),
  ping: () => ({ url: "/api/v1/ping" }),
};

/** "/api/v1/listings/{id}" → "api/v1/listings/[id]" (the app/ folder of its handler). */
const appPathOf = (apiPath: string) => apiPath.slice(1).replace(/\{(\w+)\}/g, "[$1]");

beforeAll(async () => {
  const sector = await createSector("OpenAPI");
  const { slug } = await db().sector.findUniqueOrThrow({ where: { id: sector.id }, select: { slug: true } });
  const agency = await createAgency("OpenAPI agency");
  const staff = await staffWithToken(agency.id, "openapi-staff");
  const investor = await createInvestorWithProfile("openapi-investor");
  const published = await createListingInState(agency.id, "PUBLISHED", { sectorId: sector.id, label: "OpenAPI published" });
  const draft = await createListingInState(agency.id, "DRAFT", { sectorId: sector.id, label: "OpenAPI draft" });
  const match = await db().match.create({
    data: { investorProfileId: investor.profileId, listingId: published.id, score: 72, status: "APPROVED", weightsVersion: 1 },
    select: { id: true },
  });
  const suggestedListing = await createListingInState(agency.id, "PUBLISHED", { sectorId: sector.id, label: "OpenAPI suggested" });
  const suggested = await db().match.create({
    data: { investorProfileId: investor.profileId, listingId: suggestedListing.id, score: 64, status: "SUGGESTED", weightsVersion: 1 },
    select: { id: true },
  });
  const admin = await createUser({ role: "ADMIN", totp: true, label: "openapi-admin" });
  const interest = await db().interest.create({ data: { investorProfileId: investor.profileId, listingId: published.id, message: "Walk test" }, select: { id: true } });
  fx = {
    sectorId: sector.id,
    sectorSlug: slug,
    staff,
    investorCookie: await sessionTokenFor(investor.id),
    adminCookie: await sessionTokenFor(admin.id),
    suggestedMatchId: suggested.id,
    profileId: investor.profileId,
    matchId: match.id,
    interestId: interest.id,
    publishedId: published.id,
    draftId: draft.id,
  };
});

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is what GET /api/v1/openapi.json serves", async () => {
    const response = await callRoute("api/v1/openapi.json", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents every API route handler there is, and only those", () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
    const handlers = walk("app/api")
      .filter((file) => file.endsWith("route.ts") && !file.includes(`${path.sep}auth${path.sep}`))
      .map((file) => "/" + path.dirname(path.relative("app", file)).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}"));
    const documented = Object.keys(doc.paths ?? {});
    expect([...new Set(handlers)].sort()).toEqual([...documented].sort());
  });

  it("has securitySchemes for the API token and the session cookie", () => {
    expect(doc.components?.securitySchemes).toMatchObject({
      apiToken: { type: "http", scheme: "bearer" },
      sessionCookie: { type: "apiKey", in: "cookie" },
    });
  });

  it("has examples that satisfy their own schemas", () => {
    const schemas = doc.components?.schemas as Record<string, { example?: unknown }>;
    const withExamples = Object.entries(schemas).filter(([, schema]) => schema.example !== undefined);
    expect(withExamples.map(([name]) => name)).toEqual(expect.arrayContaining(["Listing", "ListingInput", "ListingPatch"]));
    for (const [name, schema] of withExamples) {
      const validate = compile({ $ref: `#/components/schemas/${name}` });
      expect(validate(schema.example), `${name} example: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // The request example is a listing the API accepts (once its sector exists).
    expect(ZListingInput.safeParse(schemas.ListingInput!.example).success).toBe(true);
  });
});

describe.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.apiPath}`, entry] as const))("%s", (label, { apiPath, method, operation }) => {
  it("has a handler exporting the method", async () => {
    expect(typeof (await routeHandlers(appPathOf(apiPath)))[method.toUpperCase()]).toBe("function");
  });

  it("answers a valid request as documented", async () => {
    const build = REQUESTS[operation.operationId];
    expect(build, `no walk request for operation ${operation.operationId}`).toBeDefined();
    const request = build!(operation);
    const response = await callRoute(appPathOf(apiPath), request.url, { method: method.toUpperCase(), ...request.call }, request.params);
    expect(response.status, `${label}: ${await response.clone().text()}`).toBeLessThan(300);
    await expectAsDocumented(operation, response, label);
  });

  const signedInOnly = operation.security !== undefined && !operation.security.some((requirement) => Object.keys(requirement).length === 0);
  // Only operations that require a credential get this case (no skipped placeholders for the others).
  if (signedInOnly) it("answers an anonymous call with a documented 401", async () => {
    const request = REQUESTS[operation.operationId]!(operation);
    const { token: _token, cookie: _cookie, ...anonymous } = request.call ?? {};
    const response = await callRoute(appPathOf(apiPath), request.url, { method: method.toUpperCase(), ...anonymous }, request.params);
    expect(response.status).toBe(401);
    await expectAsDocumented(operation, response, `${label} (anonymous)`);
  });

  if (apiPath.includes("{id}")) it("answers a malformed id with a documented 422", async () => {
    const request = REQUESTS[operation.operationId]!(operation);
    const response = await callRoute(appPathOf(apiPath), request.url.replace(request.params!.id!, "not-an-id"), { method: method.toUpperCase(), ...request.call }, { id: "not-an-id" });
    expect(response.status).toBe(422);
    await expectAsDocumented(operation, response, `${label} (malformed id)`);
  });
});
