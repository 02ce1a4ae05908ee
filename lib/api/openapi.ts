// The OpenAPI 3.1 document of the REST API, generated from the same zod schemas
// the handlers validate with (zod-to-openapi), so the document cannot promise a
// field the API would refuse. Served at /api/v1/openapi.json and rendered by the
// /api-docs page; tests/integration/openapi.test.ts walks it against the handlers.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZApiError, ZHealth, ZInterestDto, ZInvestorProfileDto, ZMatchDto, ZMe, ZMyMatchesPage, ZOwnInvestorProfileDto } from "@/lib/api/schemas";
import { ZInvestorProfileInput, ZUpdateProfileBasics } from "@/lib/investors/schemas";
import { ZListingDto } from "@/lib/listings/dto";
import { PATCHABLE_FIELDS } from "@/lib/listings/patch";
import { LISTING_KINDS, ZListingInput, ZPlotFacts, ZProjectFacts, ZZoneFacts, ZCreateSez } from "@/lib/listings/schemas";
import en from "@/lib/i18n/messages/en.json";
import { ZMatchDecision, ZMatchReviewInput } from "@/lib/matching/review-schemas";
import { ZMyMatchesQuery } from "@/lib/matching/schemas";
import { ZMyNotificationsPage, ZMyNotificationsQuery } from "@/lib/notifications/schemas";
import { INTEREST_MESSAGE_MAX, ZInterestMessage } from "@/lib/interests/schemas";
import { listingSearchOperation } from "./search-operation";

extendZodWithOpenApi(z);

export const API_TOKEN_SCHEME = "apiToken";
export const SESSION_COOKIE_SCHEME = "sessionCookie";

/** Who may call an operation, in OpenAPI security-requirement form. */
type TSecurity = Record<string, string[]>[];
const PUBLIC: TSecurity = [{}, { [API_TOKEN_SCHEME]: [] }, { [SESSION_COOKIE_SCHEME]: [] }];
const SIGNED_IN: TSecurity = [{ [API_TOKEN_SCHEME]: [] }, { [SESSION_COOKIE_SCHEME]: [] }];

/** Summaries and descriptions live in the English catalog, which the /api-docs page also reads. */
const text = (operationId: keyof typeof en.apiDocs.operations) => en.apiDocs.operations[operationId];

const EXAMPLE_ID = "6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c";
const EXAMPLE_SECTOR_ID = "0b8f6a1e-5c2d-4f3a-8e9b-7c6d5e4f3a2b";

const ERROR_TEXT: Record<number, string> = {
  401: "Not signed in, or the API token is unknown or revoked.",
  403: "Signed in but not allowed (wrong role, pending or suspended account, or a cookie-authenticated write from another origin).",
  404: "No such item, or not one the caller may see (existence is never revealed).",
  409: "The item is not in a state that allows this (e.g. submitting a listing that is not a draft, or expressing interest before completing the investment profile).",
  422: "The input is not valid: `fieldErrors` names each field and what is wrong.",
};

function errors(...statuses: (keyof typeof ERROR_TEXT)[]): RouteConfig["responses"] {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_TEXT[status]!, content: { "application/json": { schema: ZApiError } } }]),
  );
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const idParam = (what: string) =>
  z.object({
    id: z.uuid().openapi({ param: { name: "id", in: "path", description: `The ${what}'s id (a UUID; anything else is a 422).` }, example: EXAMPLE_ID }),
  });

const LISTING_INPUT_EXAMPLE = {
  kind: "SEZ",
  title: "Example Special Economic Zone",
  titleJa: "経済特区の例",
  summary: "A 500-acre zone on the motorway with 40 plots available for light engineering and food processing.",
  sectorIds: [EXAMPLE_SECTOR_ID],
  province: "PUNJAB",
  district: "Faisalabad",
  investment: { amount: "25000000", currency: "USD" },
  instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
  stage: "READY",
  tags: ["japan-desk"],
  incentives: [{ name: "Ten-year income tax exemption", validFrom: "2024-07-01", validTo: "2034-06-30" }],
  contactName: "Investor Facilitation Desk",
  contactEmail: "desk@agency.example",
  facts: { areaAcres: "500", plotsAvailable: 40, powerMw: 50, gas: "available" },
};

const LISTING_EXAMPLE = {
  id: EXAMPLE_ID,
  slug: "example-special-economic-zone-1a2b3c4d",
  kind: "SEZ",
  status: "DRAFT",
  version: 1,
  agency: { id: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", name: "Example Special Economic Zones Authority", nameJa: null },
  title: "Example Special Economic Zone",
  titleJa: "経済特区の例",
  summary: "A 500-acre zone on the motorway with 40 plots available for light engineering and food processing.",
  summaryJa: null,
  description: null,
  sectors: [{ id: EXAMPLE_SECTOR_ID, slug: "light-engineering", nameEn: "Light engineering", nameJa: "軽機械工業" }],
  province: "PUNJAB",
  district: "Faisalabad",
  zone: null,
  investment: { amount: "25000000", currency: "USD" },
  investmentUsd: { amount: "25000000", currency: "USD" },
  instruments: ["PLOT_PURCHASE", "PLOT_LEASE"],
  stage: "READY",
  tags: ["japan-desk"],
  facts: { areaAcres: "500", plotsAvailable: 40, powerMw: 50, gas: "available" },
  incentives: [{ id: "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", name: "Ten-year income tax exemption", nameJa: null, legalBasis: null, validFrom: "2024-07-01", validTo: "2034-06-30" }],
  contact: { name: "Investor Facilitation Desk", email: "desk@agency.example", phone: null },
  completeness: 80,
  reviewComment: null,
  createdAt: "2026-01-15T09:30:00.000Z",
  updatedAt: "2026-01-15T09:30:00.000Z",
  submittedAt: null,
  publishedAt: null,
  closedAt: null,
};

const PROFILE_INPUT_EXAMPLE = {
  sectorIds: [EXAMPLE_SECTOR_ID],
  ticketCurrency: "JPY",
  ticketMin: "750000000",
  ticketMax: "3000000000",
  anywhereInPakistan: false,
  provinces: ["PUNJAB", "SINDH"],
  districts: ["Faisalabad"],
  instruments: ["EQUITY", "JOINT_VENTURE"],
  stages: ["READY", "OPERATING"],
  horizonYears: 10,
  thesis: "Food processing and light engineering near Lahore and Karachi, with a Japanese partner on site.",
};

/** PATCH bodies: any top-level field of ListingInput, facts merged key by key, null clears. */
function listingPatchSchema() {
  const { kind: _kind, facts: _facts, ...base } = ZCreateSez.shape;
  const fields = Object.fromEntries(Object.entries(base).map(([key, schema]) => [key, (schema as z.ZodType).nullable().optional()]));
  const facts = z.object({ ...ZZoneFacts.shape, ...ZPlotFacts.shape, ...ZProjectFacts.shape }).partial();
  return z
    .object({ kind: z.enum(LISTING_KINDS).optional().openapi({ description: "Must equal the listing's kind (a kind cannot change)." }), ...fields, facts: facts.optional() })
    .strict()
    .openapi("ListingPatch", {
      description: `Any of ${PATCHABLE_FIELDS.join(", ")}. Given fields replace the stored ones; \`facts\` are merged key by key; \`null\` clears a field. The result must be a complete, valid ListingInput.`,
      example: { summary: "Updated: 12 plots remain, with gas and 50 MW of power on site.", facts: { plotsAvailable: 12 } },
    });
}

/**
 * zod 4 copies prototype methods onto each schema when it is created, so a schema
 * imported from lib/ may predate extendZodWithOpenApi and lack .openapi(). A
 * clone made now (zod's .meta(), which keeps the original's metadata) has it.
 */
const fresh = <T extends z.ZodType>(schema: T, meta: Record<string, unknown> = {}): T => schema.meta(meta) as T;

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", API_TOKEN_SCHEME, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "kz_<43 base64url characters>",
    description: "A personal API token created by agency staff or admins under My account → API tokens. Send it as `Authorization: Bearer kz_…`.",
  });
  registry.registerComponent("securitySchemes", SESSION_COOKIE_SCHEME, {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session (`__Secure-next-auth.session-token` over HTTPS). Writes with the cookie must come from this site's origin.",
  });

  registry.register("Error", fresh(ZApiError));
  const listing = registry.register("Listing", fresh(ZListingDto, { example: LISTING_EXAMPLE }));
  const listingInput = registry.register(
    "ListingInput",
    fresh(ZListingInput, {
      description:
        "A complete listing of one kind (`kind` selects the schema). Money is a decimal string in major units with its currency; lists may also be given as one string separated by `|`.",
      example: LISTING_INPUT_EXAMPLE,
    }),
  );
  const listingPatch = listingPatchSchema();

  registry.registerPath({
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    ...text("getHealth"),
    tags: ["System"],
    security: [{}],
    responses: { 200: json(registry.register("Health", fresh(ZHealth)), "The database is reachable."), 503: json(ZHealth, "The database is unreachable.") },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    ...text("getOpenApiDocument"),
    tags: ["System"],
    security: [{}],
    responses: { 200: json(z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }), "The OpenAPI 3.1 document.") },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/ping",
    operationId: "ping",
    ...text("ping"),
    tags: ["System"],
    security: [{}],
    responses: { 200: json(z.object({}).strict(), "An empty object.") },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    ...text("getMe"),
    tags: ["Account"],
    security: SIGNED_IN,
    responses: { 200: json(registry.register("Me", fresh(ZMe)), "The signed-in user."), ...errors(401, 403) },
  });

  const searchOperation = listingSearchOperation(fresh);
  {
    registry.registerPath({
      method: "get",
      path: "/api/v1/listings",
      operationId: "searchListings",
      ...text("searchListings"),
      tags: ["Listings"],
      security: PUBLIC,
      request: { query: searchOperation.query },
      responses: { 200: json(registry.register("ListingSearchResult", fresh(searchOperation.response)), "A page of results with facets."), ...errors(401, 422) },
    });
  }

  registry.registerPath({
    method: "post",
    path: "/api/v1/listings",
    operationId: "createListing",
    ...text("createListing"),
    tags: ["Listings"],
    security: SIGNED_IN,
    request: { body: { required: true, content: { "application/json": { schema: listingInput } } } },
    responses: { 201: json(listing, "The created draft."), ...errors(401, 403, 422) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/listings/{id}",
    operationId: "getListing",
    ...text("getListing"),
    tags: ["Listings"],
    security: PUBLIC,
    request: { params: idParam("listing") },
    responses: { 200: json(listing, "The listing."), ...errors(401, 404, 422) },
  });

  registry.registerPath({
    method: "patch",
    path: "/api/v1/listings/{id}",
    operationId: "updateListing",
    ...text("updateListing"),
    tags: ["Listings"],
    security: SIGNED_IN,
    request: { params: idParam("listing"), body: { required: true, content: { "application/json": { schema: listingPatch } } } },
    responses: { 200: json(listing, "The listing after the edit."), ...errors(401, 403, 404, 409, 422) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/listings/{id}/submit",
    operationId: "submitListing",
    ...text("submitListing"),
    tags: ["Listings"],
    security: SIGNED_IN,
    request: { params: idParam("listing") },
    responses: { 200: json(listing, "The listing, now SUBMITTED."), ...errors(401, 403, 404, 409, 422) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/investor-profiles/{id}",
    operationId: "getInvestorProfile",
    ...text("getInvestorProfile"),
    tags: ["Investors"],
    security: SIGNED_IN,
    request: { params: idParam("investor profile") },
    responses: { 200: json(registry.register("InvestorProfile", fresh(ZInvestorProfileDto)), "The profile."), ...errors(401, 403, 404, 422) },
  });

  registry.registerPath({
    method: "patch",
    path: "/api/v1/investor-profiles/{id}",
    operationId: "updateInvestorProfile",
    ...text("updateInvestorProfile"),
    tags: ["Investors"],
    security: SIGNED_IN,
    request: {
      params: idParam("investor profile"),
      body: { required: true, content: { "application/json": { schema: registry.register("InvestorProfilePatch", fresh(ZUpdateProfileBasics, { example: { thesis: "Food processing near Lahore, USD 5–20 million." } })) } } },
    },
    responses: { 200: json(ZInvestorProfileDto, "The profile after the edit."), ...errors(401, 403, 404, 422) },
  });

  const ownProfile = registry.register("MyInvestorProfile", fresh(ZOwnInvestorProfileDto));
  registry.registerPath({
    method: "get",
    path: "/api/v1/me/profile",
    operationId: "getMyInvestorProfile",
    ...text("getMyInvestorProfile"),
    tags: ["Investors"],
    security: SIGNED_IN,
    responses: { 200: json(ownProfile, "The investor's own profile."), ...errors(401, 403, 404) },
  });

  registry.registerPath({
    method: "put",
    path: "/api/v1/me/profile",
    operationId: "saveMyInvestorProfile",
    ...text("saveMyInvestorProfile"),
    tags: ["Investors"],
    security: SIGNED_IN,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: registry.register("InvestorProfileInput", fresh(ZInvestorProfileInput, { example: PROFILE_INPUT_EXAMPLE })) } },
      },
    },
    responses: { 200: json(ownProfile, "The profile as saved."), ...errors(401, 403, 422) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/matches/{id}",
    operationId: "getMatch",
    ...text("getMatch"),
    tags: ["Matching"],
    security: SIGNED_IN,
    request: { params: idParam("match") },
    responses: { 200: json(registry.register("Match", fresh(ZMatchDto)), "The match."), ...errors(401, 403, 404, 422) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/matches/{id}/review",
    operationId: "reviewMatch",
    ...text("reviewMatch"),
    tags: ["Matching"],
    security: SIGNED_IN,
    request: {
      params: idParam("match"),
      body: {
        required: true,
        content: { "application/json": { schema: registry.register("MatchReview", fresh(ZMatchReviewInput, { example: { decision: "reject", reason: "The investor only funds operating plants." } })) } },
      },
    },
    responses: {
      200: json(registry.register("MatchDecision", fresh(ZMatchDecision)), "The decision as recorded."),
      ...errors(401, 403, 404, 409, 422),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/me/matches",
    operationId: "listMyMatches",
    ...text("listMyMatches"),
    tags: ["Matching"],
    security: SIGNED_IN,
    request: {
      query: z.object({
        sort: ZMyMatchesQuery.shape.sort.meta({ description: "score (best first, the default) or newest.", example: "score" }),
        status: ZMyMatchesQuery.shape.status.meta({ description: "One status only; by default APPROVED and INTRODUCED." }),
        cursor: ZMyMatchesQuery.shape.cursor.meta({ description: "The `nextCursor` of the previous page." }),
        limit: ZMyMatchesQuery.shape.limit.meta({ description: "Page size, 1–100.", example: 20 }),
      }),
    },
    responses: { 200: json(registry.register("MyMatchesPage", fresh(ZMyMatchesPage)), "A page of the investor's matches."), ...errors(401, 403, 422) },
  });

  const interest = registry.register("Interest", fresh(ZInterestDto));
  registry.registerPath({
    method: "get",
    path: "/api/v1/me/notifications",
    operationId: "listMyNotifications",
    ...text("listMyNotifications"),
    tags: ["Account"],
    security: SIGNED_IN,
    request: {
      query: z.object({
        cursor: ZMyNotificationsQuery.shape.cursor.meta({ description: "The `nextCursor` of the previous page." }),
        limit: ZMyNotificationsQuery.shape.limit.meta({ description: "Page size, 1–100.", example: 20 }),
      }),
    },
    responses: { 200: json(registry.register("MyNotificationsPage", fresh(ZMyNotificationsPage)), "A page of the caller's notifications, newest first."), ...errors(401, 403, 422) },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/interests/{id}",
    operationId: "getInterest",
    ...text("getInterest"),
    tags: ["Matching"],
    security: SIGNED_IN,
    request: { params: idParam("interest") },
    responses: { 200: json(interest, "The interest."), ...errors(401, 403, 404, 422) },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/listings/{id}/interest",
    operationId: "expressInterest",
    ...text("expressInterest"),
    tags: ["Matching"],
    security: SIGNED_IN,
    request: {
      params: idParam("listing"),
      body: {
        required: false,
        content: {
          "application/json": {
            schema: registry.register(
              "InterestInput",
              fresh(ZInterestMessage, {
                description: `An optional message to the agency (up to ${INTEREST_MESSAGE_MAX} characters). The body may be empty.`,
                example: { message: "We build dairy plants in Hokkaido and would like to visit the park in March." },
              }),
            ),
          },
        },
      },
    },
    responses: {
      201: json(interest, "The interest was recorded; the agency's staff are notified. `Location` is its address."),
      200: json(interest, "The investor had already expressed interest in this listing: the same interest, unchanged."),
      ...errors(401, 403, 404, 409, 422),
    },
  });

  return registry;
}

export type TOpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

let cached: TOpenApiDocument | undefined;

/** The document (built once per process: it depends only on the code). */
export function openApiDocument(): TOpenApiDocument {
  cached ??= new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Kizuna API",
      version: "1.0.0",
      description:
        "Investment opportunities in Pakistan, for investors and the agencies that publish them. Reads of published listings are public; writes need a staff API token (Authorization: Bearer kz_…) or a browser session. Errors always have the Error shape; messages are keys of the Kizuna message catalogs.",
    },
    servers: [{ url: "/", description: "This Kizuna instance" }],
    tags: [
      { name: "Listings", description: "Opportunities: search, read, and (for agency staff) create, edit and submit." },
      { name: "Investors", description: "Investor profiles." },
      { name: "Matching", description: "Matches and expressions of interest." },
      { name: "Account", description: "The caller's own account." },
      { name: "System", description: "Health and this document." },
    ],
  });
  return cached;
}
