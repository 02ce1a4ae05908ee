// REST API v1 for listings: token authentication, agency boundaries, the draft →
// submitted workflow through the API, and bad input answered with field errors
// (never a 500, never a silent change).
import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/client";
import { TEST_META, createAgency, createListingInState, createSector, createUser, sessionTokenFor } from "../support/factories";
import { callRoute, staffWithToken } from "../support/api";

type TStaff = Awaited<ReturnType<typeof staffWithToken>>;

let sectorId: string;
let agencyX: string;
let staffX: TStaff;
let staffY: TStaff;

function listingBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: "SEZ",
    title: "API test zone",
    summary: "A zone created through the REST API by the integration tests.",
    sectorIds: [sectorId],
    province: "PUNJAB",
    instruments: ["PLOT_LEASE"],
    stage: "READY",
    facts: { areaAcres: "250.5", powerMw: 20 },
    ...overrides,
  };
}

const post = (body: unknown, call: { token?: string; cookie?: string; origin?: string; rawBody?: string } = {}) =>
  callRoute("api/v1/listings", "/api/v1/listings", { method: "POST", body, ...call });
const get = (id: string, call: { token?: string; cookie?: string } = {}) =>
  callRoute("api/v1/listings/[id]", `/api/v1/listings/${id}`, call, { id });
const patch = (id: string, body: unknown, call: { token?: string; cookie?: string } = {}) =>
  callRoute("api/v1/listings/[id]", `/api/v1/listings/${id}`, { method: "PATCH", body, ...call }, { id });
const submit = (id: string, call: { token?: string; cookie?: string } = {}) =>
  callRoute("api/v1/listings/[id]/submit", `/api/v1/listings/${id}/submit`, { method: "POST", ...call }, { id });
const search = (query: string, call: { token?: string } = {}) => callRoute("api/v1/listings", `/api/v1/listings?${query}`, call);

type TErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

async function expectFieldError(response: Response, field: string): Promise<TErrorBody> {
  const body = (await response.json()) as TErrorBody;
  expect([400, 422], JSON.stringify(body)).toContain(response.status);
  expect(Object.keys(body.error.fieldErrors ?? {}), JSON.stringify(body)).toContain(field);
  return body;
}

const listingRow = (id: string) =>
  db().listing.findUniqueOrThrow({ where: { id }, select: { title: true, summary: true, status: true, agencyId: true, updatedAt: true, version: true } });

beforeAll(async () => {
  sectorId = (await createSector("API")).id;
  agencyX = (await createAgency("API agency X")).id;
  staffX = await staffWithToken(agencyX, "api-staff-x");
  staffY = await staffWithToken((await createAgency("API agency Y")).id, "api-staff-y");
});

describe("API token authentication", () => {
  it("creates a draft for the token holder's agency, whatever the body says", async () => {
    const response = await post({ ...listingBody(), agencyId: staffY.user.organizationId, status: "PUBLISHED" }, { token: staffX.token });
    expect(response.status, await response.clone().text()).toBe(201);
    const listing = (await response.json()) as { id: string; status: string; agency: { id: string } };
    expect(response.headers.get("location")).toBe(`/api/v1/listings/${listing.id}`);
    expect(listing.status).toBe("DRAFT");
    expect(listing.agency.id).toBe(agencyX);
    expect((await listingRow(listing.id)).agencyId).toBe(agencyX);
  });

  it("refuses a revoked token with 401 and changes nothing", async () => {
    const holder = await staffWithToken(agencyX, "revoked");
    expect((await post(listingBody(), { token: holder.token })).status).toBe(201);
    await revokeApiToken(holder.actor, holder.tokenId, TEST_META);
    const before = await db().listing.count({ where: { agencyId: agencyX } });
    const response = await post(listingBody(), { token: holder.token });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await response.json()) as TErrorBody).error.code).toBe("UNAUTHENTICATED");
    expect(await db().listing.count({ where: { agencyId: agencyX } })).toBe(before);
    // Even on a public route: a bad credential is an error, not an anonymous call.
    expect((await search("sort=newest", { token: holder.token })).status).toBe(401);
  });

  it("refuses unknown tokens and non-Bearer credentials with 401", async () => {
    expect((await post(listingBody(), { token: "kz_not-a-real-token" })).status).toBe(401);
    const basic = await callRoute("api/v1/listings", "/api/v1/listings", { method: "POST", body: listingBody(), headers: { authorization: "Basic dXNlcjpwYXNz" }, cookie: staffX.cookie });
    expect(basic.status).toBe(401);
  });

  it("refuses investors and admins (no agency) with 403", async () => {
    const investor = await createUser({ role: "INVESTOR", label: "api-investor" });
    expect((await post(listingBody(), { cookie: await sessionTokenFor(investor.id) })).status).toBe(403);
    const admin = await createUser({ role: "ADMIN", totp: true, label: "api-admin" });
    expect((await post(listingBody(), { cookie: await sessionTokenFor(admin.id) })).status).toBe(403);
    expect((await post(listingBody())).status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another origin", async () => {
    const response = await post(listingBody(), { cookie: staffX.cookie, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as TErrorBody).error.code).toBe("CROSS_ORIGIN");
  });
});

describe("agency boundaries", () => {
  it("staff of another agency cannot PATCH or submit (404, unchanged)", async () => {
    const draft = await createListingInState(agencyX, "DRAFT", { sectorId, label: "Boundary draft" });
    const before = await listingRow(draft.id);

    const patched = await patch(draft.id, { title: "Taken over by agency Y" }, { token: staffY.token });
    expect(patched.status).toBe(404);
    const submitted = await submit(draft.id, { token: staffY.token });
    expect(submitted.status).toBe(404);
    // The same answer as for an id that does not exist: existence is not revealed.
    expect(((await patched.json()) as TErrorBody).error.code).toBe("NOT_FOUND");

    expect(await listingRow(draft.id)).toEqual(before);
    // ...and they cannot read the draft either.
    expect((await get(draft.id, { token: staffY.token })).status).toBe(404);
  });

  it("staff of the listing's agency PATCH (fields merge) and submit it; a second submit is a conflict", async () => {
    const draft = await createListingInState(agencyX, "DRAFT", { sectorId, label: "Own draft" });
    const patched = await patch(draft.id, { summary: "Edited through the API: twelve plots remain.", investment: { amount: "12500000.50", currency: "USD" } }, { token: staffX.token });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const body = (await patched.json()) as { title: string; summary: string; investment: { amount: string; currency: string } };
    expect(body.summary).toBe("Edited through the API: twelve plots remain.");
    expect(body.title).toBe(draft.title);
    expect(body.investment).toEqual({ amount: "12500000.5", currency: "USD" });

    const submitted = await submit(draft.id, { token: staffX.token });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    expect(((await submitted.json()) as { status: string }).status).toBe("SUBMITTED");
    expect((await submit(draft.id, { token: staffX.token })).status).toBe(409);
  });

  it("an incomplete draft cannot be submitted: 422 with the missing fields", async () => {
    const draft = await db().listing.create({
      data: { slug: `api-incomplete-${Date.now()}`, kind: "SEZ", status: "DRAFT", agencyId: agencyX, title: "Incomplete", summary: "", stage: "CONCEPT" },
      select: { id: true },
    });
    const response = await submit(draft.id, { token: staffX.token });
    const body = await expectFieldError(response, "summary");
    expect(body.error.fieldErrors?.sectorIds).toBeDefined();
    expect((await listingRow(draft.id)).status).toBe("DRAFT");
  });
});

describe("reading listings", () => {
  it("unknown or unpublished ids are 404 for those who may not see them", async () => {
    const draft = await createListingInState(agencyX, "DRAFT", { sectorId, label: "Hidden draft" });
    expect((await get(draft.id)).status).toBe(404);
    expect((await get("6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c")).status).toBe(404);
    expect((await get(draft.id, { token: staffX.token })).status).toBe(200);
  });

  it("shows contact details only to signed-in callers and never a raw BigInt or float", async () => {
    const created = (await (await post(listingBody({ contactName: "Desk", contactEmail: "desk@agency.example", investment: { amount: "2500000000", currency: "PKR" } }), { token: staffX.token })).json()) as { id: string };
    await db().listing.update({ where: { id: created.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const anonymous = (await (await get(created.id)).json()) as { contact: unknown; investment: unknown };
    expect(anonymous.contact).toBeNull();
    expect(anonymous.investment).toEqual({ amount: "2500000000", currency: "PKR" });
    const signedIn = (await (await get(created.id, { token: staffY.token })).json()) as { contact: { email: string } };
    expect(signedIn.contact.email).toBe("desk@agency.example");
  });
});

describe("bad input is a 4xx with field errors", () => {
  it.each([
    ["unknown filter value", "province=ATLANTIS", "province"],
    ["unknown filter", "colour=red", "colour"],
    ["limit out of range", "limit=100000", "limit"],
    ["unknown sector", "sector=no-such-sector", "sector"],
  ])("search: %s", async (_label, query, field) => {
    await expectFieldError(await search(query), field);
  });

  it("a malformed id", async () => {
    await expectFieldError(await get("not-a-uuid"), "id");
    await expectFieldError(await patch("1; drop table listings", { title: "x" }, { token: staffX.token }), "id");
    await expectFieldError(await submit("../../etc/passwd", { token: staffX.token }), "id");
  });

  it.each([
    ["negative amount", { investment: { amount: "-5", currency: "USD" } }, "investment.amount"],
    ["absurd amount", { investment: { amount: "99999999999999999999", currency: "USD" } }, "investment.amount"],
    ["amount as a float in exponent form", { investment: { amount: "1e9", currency: "USD" } }, "investment.amount"],
    ["unknown currency", { investment: { amount: "100", currency: "EUR" } }, "investment.currency"],
    ["over-long title", { title: "x".repeat(201) }, "title"],
    ["over-long summary", { summary: "y".repeat(2001) }, "summary"],
    ["unknown kind", { kind: "CASINO" }, "kind"],
    ["too many sectors", { sectorIds: [sectorId, sectorId, sectorId] }, "sectorIds"],
    ["an incentive ending before it starts", { incentives: [{ name: "Tax holiday", validFrom: "2030-01-01", validTo: "2020-01-01" }] }, "incentives.0.validTo"],
  ])("create: %s", async (_label, overrides, field) => {
    const before = await db().listing.count({ where: { agencyId: agencyX } });
    await expectFieldError(await post(listingBody(overrides), { token: staffX.token }), field);
    expect(await db().listing.count({ where: { agencyId: agencyX } })).toBe(before);
  });

  it("malformed JSON and a non-object body", async () => {
    await expectFieldError(await post(undefined, { token: staffX.token, rawBody: "{ not json" }), "_form");
    const draft = await createListingInState(agencyX, "DRAFT", { sectorId });
    await expectFieldError(await patch(draft.id, ["title"], { token: staffX.token }), "_form");
    await expectFieldError(await patch(draft.id, { titel: "typo" }, { token: staffX.token }), "titel");
  });
});

describe("HTML in text", () => {
  it("is stored and returned as text, exactly as sent", async () => {
    const title = `<script>alert("x")</script> Zone & <b>Co</b>`;
    const summary = `<img src=x onerror=alert(1)> A summary with markup that must stay text.`;
    const response = await post(listingBody({ title, summary }), { token: staffX.token });
    expect(response.status).toBe(201);
    const listing = (await response.json()) as { id: string; title: string; summary: string };
    expect(listing.title).toBe(title);
    expect(listing.summary).toBe(summary);
    const row = await listingRow(listing.id);
    expect(row.title).toBe(title);
    expect(row.summary).toBe(summary);
  });
});
