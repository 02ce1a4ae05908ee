// The authorization matrix: every server action and every API route, called as
// each kind of person, must be allowed or refused as the table says — and a
// refusal must change no row. The test fails closed: an action or route that
// exists in app/ without an entry here fails it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountActions from "@/lib/accounts/actions";
import { createApiToken } from "@/lib/auth/api-tokens";
import * as apiTokenActions from "@/lib/auth/api-token-actions";
import type { TActiveActor } from "@/lib/auth/guards";
import * as csvActions from "@/lib/listings/csv-actions";
import * as interestActions from "@/lib/interests/actions";
import * as investorActions from "@/lib/investors/actions";
import * as listingActions from "@/lib/listings/actions";
import * as matchingActions from "@/lib/matching/actions";
import * as matchReviewActions from "@/lib/matching/review-actions";
import { INITIAL_MATCHING_WEIGHTS } from "@/lib/matching/types";
import * as moneyActions from "@/lib/money/actions";
import * as notificationActions from "@/lib/notifications/actions";
import * as savedSearchActions from "@/lib/saved-searches/actions";
import * as savedListingActions from "@/lib/saved-listings/actions";
import * as sectorActions from "@/lib/sectors/actions";
import { issueToken } from "@/lib/auth/tokens";
import type { TActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { invokeAction, type TActionSpec } from "@/lib/http/action";
import type { z } from "zod";
import {
  TEST_META,
  TEST_PASSWORD,
  actorFor,
  createAgency,
  createInvestorWithProfile,
  createListingInState,
  createPublishedListing,
  createSector,
  createUser,
  sessionTokenFor,
  uniqueEmail,
} from "../support/factories";

const IDENTITIES = ["anonymous", "investorA", "investorB", "staffX", "staffY", "pendingStaff", "suspended", "admin"] as const;
type TIdentity = (typeof IDENTITIES)[number];
const AUTH_REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "TOTP_ENROLMENT_REQUIRED"]);
/** Allowed callers may still be told "no" for business reasons (already enabled, wrong code…). */
const BUSINESS_OUTCOMES = new Set(["VALIDATION", "CONFLICT"]);

type TFixtures = {
  users: Record<Exclude<TIdentity, "anonymous">, string>;
  agencyX: string;
  listingX: string;
  profileA: string;
  matchA: string;
  interestA: string;
};
let fx: TFixtures;
/** A SUGGESTED match for POST /api/v1/matches/[id]/review: only the admin (called last) decides it. */
let matchToReview: string;

/** Every module of action specs; a module's other exports (schemas) are skipped. */
const SPEC_MODULES: Record<string, unknown>[] = [
  accountActions,
  apiTokenActions,
  csvActions,
  interestActions,
  investorActions,
  listingActions,
  matchingActions,
  matchReviewActions,
  moneyActions,
  notificationActions,
  savedSearchActions,
  savedListingActions,
  sectorActions,
];
const ALL_SPECS = SPEC_MODULES.flatMap((module) => Object.values(module)).filter(
  (value): value is TActionSpec<z.ZodType, unknown> => typeof value === "object" && value !== null && "run" in value && "name" in value,
);

/** Fixtures of the API v1 listing routes, tokens and CSV rows (created after `fx`). */
type TApiFixtures = { sectorId: string; sectorSlug: string; publishedX: string; draftX: string; interestListing: string; notificationA: string };
let apiFx: TApiFixtures;

const ACTIVE: TIdentity[] = ["investorA", "investorB", "staffX", "staffY", "admin"];
const EVERYONE: TIdentity[] = [...IDENTITIES];

type TActionRow = {
  allowed: TIdentity[];
  input: (f: TFixtures) => Promise<Record<string, unknown>>;
};

async function pendingStaffTarget() {
  const agency = await createAgency("Target agency");
  return (await createUser({ role: "STAFF", status: "PENDING", organizationId: agency.id, label: "target-staff" })).id;
}

async function tokenFor(purpose: "EMAIL_VERIFICATION" | "PASSWORD_RESET") {
  const user = await createUser({ role: "INVESTOR", status: "PENDING", verified: false, label: "token" });
  return issueToken(user.id, purpose);
}

/** A fresh listing of agency X in a workflow state, complete enough to submit or publish. */
async function agencyXListing(f: TFixtures, status: "DRAFT" | "SUBMITTED" | "PUBLISHED"): Promise<string> {
  return (await createListingInState(f.agencyX, status, { sectorId: apiFx.sectorId, label: "Matrix workflow" })).id;
}

/** One row per action spec, keyed by spec name. */
const ACTIONS: Record<string, TActionRow> = {
  registerInvestor: {
    allowed: EVERYONE,
    input: async () => ({ name: "New Investor", email: uniqueEmail("reg"), password: TEST_PASSWORD, organizationName: "Matrix Capital", country: "JP", locale: "ja" }),
  },
  requestStaffAccess: {
    allowed: EVERYONE,
    input: async (f) => ({ name: "New Staff", email: uniqueEmail("req"), password: TEST_PASSWORD, agencyId: f.agencyX, locale: "en" }),
  },
  verifyEmail: { allowed: EVERYONE, input: async () => ({ token: await tokenFor("EMAIL_VERIFICATION") }) },
  requestPasswordReset: { allowed: EVERYONE, input: async () => ({ email: uniqueEmail("nobody") }) },
  resetPassword: { allowed: EVERYONE, input: async () => ({ token: await tokenFor("PASSWORD_RESET"), password: TEST_PASSWORD }) },
  changePassword: { allowed: ACTIVE, input: async () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) },
  signOutEverywhere: { allowed: ACTIVE, input: async () => ({}) },
  updateAccount: { allowed: ACTIVE, input: async () => ({ name: "Renamed", locale: "ja", notificationMode: "DAILY_DIGEST" }) },
  startTotpEnrolment: { allowed: ["staffX", "staffY", "admin"], input: async () => ({}) },
  confirmTotpEnrolment: { allowed: ["staffX", "staffY", "admin"], input: async () => ({ code: "000000" }) },
  approveStaff: { allowed: ["admin"], input: async () => ({ userId: await pendingStaffTarget() }) },
  rejectStaff: { allowed: ["admin"], input: async () => ({ userId: await pendingStaffTarget(), reason: "Unknown agency contact" }) },
  changeRole: { allowed: ["admin"], input: async () => ({ userId: (await createUser({ role: "INVESTOR", label: "promote" })).id, role: "STAFF" }) },
  suspendUser: { allowed: ["admin"], input: async () => ({ userId: (await createUser({ role: "INVESTOR", label: "suspend" })).id }) },
  reactivateUser: {
    allowed: ["admin"],
    input: async () => ({ userId: (await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "reactivate" })).id }),
  },
  createApiToken: { allowed: ["staffX", "staffY", "admin"], input: async () => ({ name: "Matrix token" }) },
  revokeApiToken: {
    allowed: ["staffX"],
    input: async (f) => ({ id: (await createApiToken((await actorFor(f.users.staffX)) as TActiveActor, "To revoke", TEST_META)).id }),
  },
  importListingsCsv: {
    allowed: ["staffX", "staffY"],
    input: async () => ({
      csv: `kind,title,summary,sectors,instruments,stage\nSEZ,Matrix import zone,A zone imported by the authorization matrix.,${apiFx.sectorSlug},PLOT_LEASE,READY\n`,
    }),
  },
};

/** Listing editor and workflow rows (lib/listings/actions.ts): staff on their own agency's listings; admins moderate. */
const LISTING_ACTIONS: Record<string, TActionRow> = {
  createListingDraft: { allowed: ["staffX", "staffY"], input: async () => ({ kind: "SEZ", title: "Matrix draft" }) },
  saveListingDraft: { allowed: ["staffX"], input: async (f) => ({ id: await agencyXListing(f, "DRAFT"), title: "Autosaved by the matrix" }) },
  updateListing: {
    allowed: ["staffX"],
    input: async (f) => ({
      id: await agencyXListing(f, "PUBLISHED"),
      kind: "SEZ",
      title: "Matrix edited zone",
      summary: "Edited by the authorization matrix test.",
      sectorIds: [apiFx.sectorId],
      instruments: ["PLOT_LEASE"],
      stage: "OPERATING",
      facts: {},
    }),
  },
  submitListing: { allowed: ["staffX"], input: async (f) => ({ id: await agencyXListing(f, "DRAFT") }) },
  closeListing: { allowed: ["staffX", "admin"], input: async (f) => ({ id: await agencyXListing(f, "PUBLISHED") }) },
  publishListing: { allowed: ["admin"], input: async (f) => ({ id: await agencyXListing(f, "SUBMITTED") }) },
  sendBackListing: { allowed: ["admin"], input: async (f) => ({ id: await agencyXListing(f, "SUBMITTED"), comment: "Please add the Japanese summary." }) },
};
Object.assign(ACTIONS, LISTING_ACTIONS);

/** Exchange rates (lib/money/actions.ts): admins only. */
ACTIONS.addExchangeRate = {
  allowed: ["admin"],
  // An old date: the rate never becomes the latest, so other tests keep converting with the seeded rates.
  input: async () => ({ base: "USD", quote: "PKR", rate: `28${Math.floor(Math.random() * 10)}.25`, asOf: "2020-01-15", source: "Matrix" }),
};

/** Sector taxonomy settings (lib/sectors/actions.ts): admins only; each call gets fresh sectors. */
ACTIONS.addSector = {
  allowed: ["admin"],
  input: async () => ({ slug: `matrix-${Math.random().toString(36).slice(2, 10)}`, nameEn: "Matrix sector", nameJa: "マトリクス" }),
};
ACTIONS.renameSector = {
  allowed: ["admin"],
  input: async () => ({ id: (await createSector("Matrix rename")).id, nameEn: "Matrix renamed", nameJa: "改名" }),
};
ACTIONS.mergeSectors = {
  allowed: ["admin"],
  input: async () => ({ sourceId: (await createSector("Matrix merge source")).id, targetId: (await createSector("Matrix merge target")).id }),
};

/** A complete investment profile in US dollars (no exchange rate needed). */
const profileInput = () => ({
  sectorIds: [apiFx.sectorId],
  ticketCurrency: "USD",
  ticketMin: "1000000",
  ticketMax: "5000000.50",
  anywhereInPakistan: false,
  provinces: ["PUNJAB"],
  districts: ["Faisalabad"],
  instruments: ["EQUITY"],
  stages: ["READY"],
  horizonYears: 8,
  thesis: "Saved by the authorization matrix.",
});

/** The investment profile (lib/investors/actions.ts): investors, their own profile only. */
ACTIONS.saveInvestorProfile = { allowed: ["investorA", "investorB"], input: async () => profileInput() };

/** An investor dismisses their own approved match (a fresh one per call); anyone else's id is a 404. */
ACTIONS.dismissMatch = {
  allowed: ["investorA"],
  input: async (f) => {
    const listing = await createPublishedListing(f.agencyX, "Matrix dismiss");
    const match = await db().match.create({
      data: { investorProfileId: f.profileA, listingId: listing.id, score: 55, status: "APPROVED", weightsVersion: 1 },
      select: { id: true },
    });
    return { matchId: match.id, reason: "Not our sector" };
  },
};

/** Notifications (lib/notifications/actions.ts): each user opens and marks only their own; another's id is a 404. */
ACTIONS.openNotification = {
  allowed: ["investorA"],
  input: async (f) => {
    const row = await db().notification.create({
      data: { userId: f.users.investorA, kind: "MATCH_APPROVED", payload: { listingTitle: "Matrix match", score: 70 } },
      select: { id: true },
    });
    return { id: row.id };
  },
};
ACTIONS.markAllNotificationsRead = {
  allowed: ACTIVE,
  input: async (f) => {
    // Unread rows of two users: whoever calls may only ever mark their own.
    for (const userId of [f.users.investorA, f.users.investorB]) {
      await db().notification.create({ data: { userId, kind: "LISTING_UPDATED", payload: { listingTitle: "Matrix listing" } } });
    }
    return {};
  },
};

/** Saved searches (lib/saved-searches/actions.ts): investors, their own searches only; another's id is a 404. */
async function savedSearchOfA(f: TFixtures): Promise<string> {
  const row = await db().savedSearch.create({
    data: { userId: f.users.investorA, name: `Matrix search ${Math.random().toString(36).slice(2, 8)}`, query: { province: "PUNJAB" }, alert: true },
    select: { id: true },
  });
  return row.id;
}
ACTIONS.createSavedSearch = {
  allowed: ["investorA", "investorB"],
  input: async () => ({ name: `Matrix saved ${Math.random().toString(36).slice(2, 8)}`, query: "q=dairy&province=PUNJAB", alert: "on" }),
};
ACTIONS.renameSavedSearch = { allowed: ["investorA"], input: async (f) => ({ id: await savedSearchOfA(f), name: `Renamed ${Math.random().toString(36).slice(2, 8)}` }) };
ACTIONS.setSavedSearchAlert = { allowed: ["investorA"], input: async (f) => ({ id: await savedSearchOfA(f), alert: "false" }) };
ACTIONS.deleteSavedSearch = { allowed: ["investorA"], input: async (f) => ({ id: await savedSearchOfA(f) }) };
/** A fresh lead of investor A on a fresh published listing of agency X. */
async function freshLeadOfAgencyX(f: TFixtures): Promise<string> {
  const listing = await createPublishedListing(f.agencyX, "Matrix lead");
  return (await db().interest.create({ data: { investorProfileId: f.profileA, listingId: listing.id, message: "Matrix lead" }, select: { id: true } })).id;
}

/** Interests and saved listings (lib/interests/actions.ts, lib/saved-listings/actions.ts). */
Object.assign(ACTIONS, {
  // Investors with a profile, on a published listing (a fresh one per call, so each call creates).
  expressInterest: {
    allowed: ["investorA", "investorB"],
    input: async (f) => ({ listingId: (await createPublishedListing(f.agencyX, "Matrix interest")).id, message: "We would like to visit." }),
  },
  // Only the staff of the listing's agency work its leads; admins read but do not act.
  changeInterestStatus: { allowed: ["staffX"], input: async (f) => ({ interestId: await freshLeadOfAgencyX(f), status: "CONTACTED" }) },
  addInterestNote: { allowed: ["staffX"], input: async (f) => ({ interestId: await freshLeadOfAgencyX(f), body: "Called the investor; meeting next week." }) },
  saveListing: { allowed: ["investorA", "investorB"], input: async (f) => ({ listingId: (await createPublishedListing(f.agencyX, "Matrix save")).id }) },
  // Saved by investor A beforehand: A removes it; anyone else's call finds nothing of theirs to remove.
  unsaveListing: {
    allowed: ["investorA", "investorB"],
    input: async (f) => {
      const listing = await createPublishedListing(f.agencyX, "Matrix unsave");
      await db().savedListing.create({ data: { userId: f.users.investorA, listingId: listing.id, seenVersion: 1 } });
      return { listingId: listing.id };
    },
  },
} satisfies Record<string, TActionRow>);
/** A fresh SUGGESTED match of investor A on a new agency X listing, for the admin review rows. */
async function suggestedMatchA(f: TFixtures, label: string): Promise<string> {
  const listing = await createPublishedListing(f.agencyX, label);
  const match = await db().match.create({
    data: { investorProfileId: f.profileA, listingId: listing.id, score: 77, status: "SUGGESTED", weightsVersion: 1 },
    select: { id: true },
  });
  return match.id;
}

/** Admin match review and matching settings (lib/matching/review-actions.ts): admins only. */
ACTIONS.approveMatch = { allowed: ["admin"], input: async (f) => ({ matchId: await suggestedMatchA(f, "Matrix approve") }) };
ACTIONS.rejectMatch = { allowed: ["admin"], input: async (f) => ({ matchId: await suggestedMatchA(f, "Matrix reject"), reason: "Outside the investor's focus" }) };
ACTIONS.introduceMatch = { allowed: ["admin"], input: async (f) => ({ matchId: await suggestedMatchA(f, "Matrix introduce"), note: "Please meet." }) };
ACTIONS.bulkApproveMatches = { allowed: ["admin"], input: async (f) => ({ ids: [await suggestedMatchA(f, "Matrix bulk")] }) };
ACTIONS.countBulkApproval = { allowed: ["admin"], input: async (f) => ({ minScore: "70", agencyId: f.agencyX }) };
// The same values as version 1, so the new version changes no score elsewhere.
ACTIONS.saveMatchingWeights = { allowed: ["admin"], input: async () => ({ ...INITIAL_MATCHING_WEIGHTS, threshold: 40, maxPerInvestor: 100 }) };
ACTIONS.previewMatchingWeights = {
  allowed: ["admin"],
  input: async (f) => ({ ...INITIAL_MATCHING_WEIGHTS, sector: 20, completeness: 15, threshold: 30, maxPerInvestor: 100, profileId: f.profileA }),
};

/** Server actions that are not specs, with the reason they need none. */
const NON_SPEC_ACTIONS: Record<string, string> = {
  setLocaleAction: "sets the reader's language cookie; reads and writes no data",
};

type TRouteRow = {
  /** Expected status per identity; identities not listed must be refused (401/403/404). */
  allowed: TIdentity[];
  /** The success status of allowed identities (200 unless the route creates). */
  status?: number;
  call: (f: TFixtures, cookie: string | null) => Promise<Response>;
};

function request(url: string, init: { method: string; cookie: string | null; body?: unknown }): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (init.cookie) headers.set("cookie", `next-auth.session-token=${init.cookie}`);
  return new Request(`http://localhost:3000${url}`, {
    method: init.method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function routeModule(file: string): Promise<Record<string, THandler>> {
  return (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, THandler>;
}

const ROUTES: Record<string, TRouteRow> = {
  "GET /api/health": {
    allowed: EVERYONE,
    call: async (_f, cookie) => (await routeModule("app/api/health/route.ts")).GET!(request("/api/health", { method: "GET", cookie }), { params: Promise.resolve({}) }),
  },
  "GET /api/v1/me": {
    allowed: ACTIVE,
    call: async (_f, cookie) => (await routeModule("app/api/v1/me/route.ts")).GET!(request("/api/v1/me", { method: "GET", cookie }), { params: Promise.resolve({}) }),
  },
  "GET /api/v1/investor-profiles/[id]": {
    allowed: ["investorA", "staffX", "admin"],
    call: async (f, cookie) =>
      (await routeModule("app/api/v1/investor-profiles/[id]/route.ts")).GET!(request(`/api/v1/investor-profiles/${f.profileA}`, { method: "GET", cookie }), {
        params: Promise.resolve({ id: f.profileA }),
      }),
  },
  "PATCH /api/v1/investor-profiles/[id]": {
    allowed: ["investorA"],
    call: async (f, cookie) =>
      (await routeModule("app/api/v1/investor-profiles/[id]/route.ts")).PATCH!(
        request(`/api/v1/investor-profiles/${f.profileA}`, { method: "PATCH", cookie, body: { thesis: "Changed by the matrix" } }),
        { params: Promise.resolve({ id: f.profileA }) },
      ),
  },
  "GET /api/v1/me/profile": {
    allowed: ["investorA", "investorB"],
    call: async (_f, cookie) => (await routeModule("app/api/v1/me/profile/route.ts")).GET!(request("/api/v1/me/profile", { method: "GET", cookie }), { params: Promise.resolve({}) }),
  },
  "PUT /api/v1/me/profile": {
    allowed: ["investorA", "investorB"],
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/me/profile/route.ts")).PUT!(request("/api/v1/me/profile", { method: "PUT", cookie, body: profileInput() }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/v1/matches/[id]": {
    allowed: ["investorA", "staffX", "admin"],
    call: async (f, cookie) =>
      (await routeModule("app/api/v1/matches/[id]/route.ts")).GET!(request(`/api/v1/matches/${f.matchA}`, { method: "GET", cookie }), {
        params: Promise.resolve({ id: f.matchA }),
      }),
  },
  "POST /api/v1/matches/[id]/review": {
    allowed: ["admin"],
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/matches/[id]/review/route.ts")).POST!(
        request(`/api/v1/matches/${matchToReview}/review`, { method: "POST", cookie, body: { decision: "approve" } }),
        { params: Promise.resolve({ id: matchToReview }) },
      ),
  },
  "GET /api/v1/me/matches": {
    allowed: ["investorA", "investorB"],
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/me/matches/route.ts")).GET!(request("/api/v1/me/matches?sort=score&limit=10", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/v1/me/notifications": {
    allowed: ACTIVE,
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/me/notifications/route.ts")).GET!(request("/api/v1/me/notifications?limit=5", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/v1/interests/[id]": {
    allowed: ["investorA", "staffX", "admin"],
    call: async (f, cookie) =>
      (await routeModule("app/api/v1/interests/[id]/route.ts")).GET!(request(`/api/v1/interests/${f.interestA}`, { method: "GET", cookie }), {
        params: Promise.resolve({ id: f.interestA }),
      }),
  },
  "POST /api/v1/listings/[id]/interest": {
    allowed: ["investorA", "investorB"],
    status: 201,
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/listings/[id]/interest/route.ts")).POST!(
        request(`/api/v1/listings/${apiFx.interestListing}/interest`, { method: "POST", cookie, body: { message: "Interested, through the API." } }),
        { params: Promise.resolve({ id: apiFx.interestListing }) },
      ),
  },
  "PATCH /api/v1/listings/[id]": {
    allowed: ["staffX", "admin"],
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/listings/[id]/route.ts")).PATCH!(
        request(`/api/v1/listings/${apiFx.publishedX}`, { method: "PATCH", cookie, body: { summary: `Edited through the API by the matrix ${Date.now()}.` } }),
        { params: Promise.resolve({ id: apiFx.publishedX }) },
      ),
  },
  "GET /opportunities/export": {
    allowed: EVERYONE,
    call: async (_f, cookie) =>
      (await routeModule("app/(public)/opportunities/export/route.ts")).GET!(request("/opportunities/export?province=PUNJAB&sort=newest&currency=JPY", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/v1/listings": {
    allowed: EVERYONE,
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/listings/route.ts")).GET!(request("/api/v1/listings?province=PUNJAB&sort=newest", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /api/v1/listings/[id]": {
    allowed: EVERYONE,
    call: async (f, cookie) =>
      (await routeModule("app/api/v1/listings/[id]/route.ts")).GET!(request(`/api/v1/listings/${f.listingX}`, { method: "GET", cookie }), {
        params: Promise.resolve({ id: f.listingX }),
      }),
  },
  "POST /api/v1/listings": {
    allowed: ["staffX", "staffY"],
    status: 201,
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/listings/route.ts")).POST!(
        request("/api/v1/listings", {
          method: "POST",
          cookie,
          body: { kind: "SEZ", title: "Matrix API zone", summary: "Created through the API by the matrix.", sectorIds: [apiFx.sectorId], instruments: ["PLOT_LEASE"], stage: "READY", facts: {} },
        }),
        { params: Promise.resolve({}) },
      ),
  },
  "POST /api/v1/listings/[id]/submit": {
    allowed: ["staffX"],
    call: async (_f, cookie) =>
      (await routeModule("app/api/v1/listings/[id]/submit/route.ts")).POST!(request(`/api/v1/listings/${apiFx.draftX}/submit`, { method: "POST", cookie }), {
        params: Promise.resolve({ id: apiFx.draftX }),
      }),
  },
  "GET /api/v1/ping": {
    allowed: EVERYONE,
    call: async (_f, cookie) => (await routeModule("app/api/v1/ping/route.ts")).GET!(request("/api/v1/ping", { method: "GET", cookie }), { params: Promise.resolve({}) }),
  },
  "GET /api/v1/openapi.json": {
    allowed: EVERYONE,
    call: async (_f, cookie) => (await routeModule("app/api/v1/openapi.json/route.ts")).GET!(request("/api/v1/openapi.json", { method: "GET", cookie }), { params: Promise.resolve({}) }),
  },
  "GET /staff/listings/import/template": {
    allowed: ["staffX", "staffY"],
    call: async (_f, cookie) =>
      (await routeModule("app/staff/listings/import/template/route.ts")).GET!(request("/staff/listings/import/template", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
  "GET /notifications/[id]/open": {
    // The email link: only the owner is sent on (303, the notification marked read); anyone else's is a 404.
    allowed: ["investorA"],
    status: 303,
    call: async (_f, cookie) =>
      (await routeModule("app/notifications/[id]/open/route.ts")).GET!(request(`/notifications/${apiFx.notificationA}/open`, { method: "GET", cookie }), {
        params: Promise.resolve({ id: apiFx.notificationA }),
      }),
  },
  "GET /admin/audit/export.csv": {
    allowed: ["admin"],
    call: async (_f, cookie) =>
      (await routeModule("app/admin/audit/export.csv/route.ts")).GET!(request("/admin/audit/export.csv?action=user.", { method: "GET", cookie }), {
        params: Promise.resolve({}),
      }),
  },
};

/** next-auth's own endpoints: its CSRF token guards them; sign-in is covered by the throttle tests and e2e. */
const EXEMPT_ROUTES: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "next-auth (session, csrf, providers): no application data",
  "POST /api/auth/[...nextauth]": "next-auth sign-in/out with its own CSRF token; see sign-in-throttle.test.ts and e2e",
};

// ───────────────────────────── discovery (fails closed) ─────────────────────────────

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function discoverServerActions(): string[] {
  return ["app", "lib"]
    .flatMap(walk)
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]!));
}

function discoverRoutes(): string[] {
  return walk("app")
    .filter((file) => /route\.(ts|tsx)$/.test(file))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const routePath = "/" + path.dirname(path.relative("app", file)).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/");
      const methods = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
      for (const m of source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
      return [...methods].map((method) => `${method} ${routePath}`);
    });
}

// ───────────────────────────── the database must not change on refusal ─────────────────────────────

/** A hash of every row of the tables an action could touch. */
async function fingerprint(): Promise<string> {
  const rows = await db().$queryRaw<Record<string, string | null>[]>`SELECT
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "users" t) AS "users",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "organizations" t) AS "organizations",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "investor_profiles" t) AS "investor_profiles",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "listings" t) AS "listings",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "listing_versions" t) AS "listing_versions",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "incentives" t) AS "incentives",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "matches" t) AS "matches",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "interests" t) AS "interests",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "interest_notes" t) AS "interest_notes",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "auth_tokens" t) AS "auth_tokens",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "recovery_codes" t) AS "recovery_codes",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "api_tokens" t) AS "api_tokens",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "email_outbox" t) AS "email_outbox",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "audit_log" t) AS "audit_log",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "saved_listings" t) AS "saved_listings",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "notifications" t) AS "notifications",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "saved_searches" t) AS "saved_searches",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "exchange_rates" t) AS "exchange_rates",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "matching_weights" t) AS "matching_weights",
    (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "sectors" t) AS "sectors"`;
  return JSON.stringify(rows[0]);
}

async function actorOf(identity: TIdentity): Promise<TActor | null> {
  return identity === "anonymous" ? null : actorFor(fx.users[identity]);
}

async function cookieOf(identity: TIdentity): Promise<string | null> {
  return identity === "anonymous" ? null : sessionTokenFor(fx.users[identity]);
}

beforeAll(async () => {
  const agencyX = await createAgency("Agency X");
  const agencyY = await createAgency("Agency Y");
  const investorA = await createInvestorWithProfile("investor-a");
  const investorB = await createInvestorWithProfile("investor-b");
  const listingX = await createPublishedListing(agencyX.id, "Agency X zone");
  const users = {
    investorA: investorA.id,
    investorB: investorB.id,
    staffX: (await createUser({ role: "STAFF", organizationId: agencyX.id, label: "staff-x" })).id,
    staffY: (await createUser({ role: "STAFF", organizationId: agencyY.id, label: "staff-y" })).id,
    pendingStaff: (await createUser({ role: "STAFF", status: "PENDING", organizationId: agencyX.id, label: "pending" })).id,
    suspended: (await createUser({ role: "INVESTOR", status: "SUSPENDED", label: "suspended" })).id,
    admin: (await createUser({ role: "ADMIN", totp: true, label: "admin" })).id,
  };
  const match = await db().match.create({
    data: { investorProfileId: investorA.profileId, listingId: listingX.id, score: 80, status: "APPROVED", weightsVersion: 1 },
    select: { id: true },
  });
  const interest = await db().interest.create({
    data: { investorProfileId: investorA.profileId, listingId: listingX.id, message: "We would like to visit." },
    select: { id: true },
  });
  fx = { users, agencyX: agencyX.id, listingX: listingX.id, profileA: investorA.profileId, matchA: match.id, interestA: interest.id };
  matchToReview = await suggestedMatchA(fx, "Matrix API review");
});

beforeAll(async () => {
  const sector = await createSector("Matrix sector");
  const { slug } = await db().sector.findUniqueOrThrow({ where: { id: sector.id }, select: { slug: true } });
  const complete = { sectorId: sector.id, label: "Matrix API" };
  apiFx = {
    sectorId: sector.id,
    sectorSlug: slug,
    publishedX: (await createListingInState(fx.agencyX, "PUBLISHED", complete)).id,
    draftX: (await createListingInState(fx.agencyX, "DRAFT", complete)).id,
    // Nobody has expressed interest in it yet: each investor's first POST creates (201).
    interestListing: (await createListingInState(fx.agencyX, "PUBLISHED", { ...complete, label: "Matrix API interest" })).id,
    notificationA: (
      await db().notification.create({
        data: { userId: fx.users.investorA, kind: "MATCH_APPROVED", payload: { listingTitle: "Matrix email link", score: 70 } },
        select: { id: true },
      })
    ).id,
  };
});

describe("authorization matrix: discovery", () => {
  it("has a row for every server action in app/ and lib/", () => {
    const specNames = ALL_SPECS.map((spec) => spec.name);
    const known = new Set([...specNames.map((name) => `${name}Action`), ...Object.keys(NON_SPEC_ACTIONS)]);
    const missing = discoverServerActions().filter((name) => !known.has(name));
    expect(missing, "server actions without an entry in the matrix").toEqual([]);
    expect(specNames.filter((name) => !(name in ACTIONS)), "action specs without a row").toEqual([]);
  });

  it("has a row for every route handler in app/", () => {
    const missing = discoverRoutes().filter((key) => !(key in ROUTES) && !(key in EXEMPT_ROUTES));
    expect(missing, "routes without an entry in the matrix").toEqual([]);
  });
});

describe.each(Object.entries(ACTIONS))("action %s", (name, row) => {
  const spec = ALL_SPECS.find((candidate) => candidate.name === name) as TActionSpec<z.ZodType, unknown>;
  let succeeded = 0;

  it.each([...IDENTITIES])(`as %s`, async (identity) => {
    const input = await row.input(fx);
    const actor = await actorOf(identity);
    const before = await fingerprint();
    const result = await invokeAction(spec, { actor, meta: TEST_META }, input);
    if (row.allowed.includes(identity)) {
      if (!result.ok) expect(BUSINESS_OUTCOMES, `${name} as ${identity}: ${result.code}`).toContain(result.code);
      else succeeded += 1;
    } else {
      expect(result.ok, `${name} as ${identity} should be refused`).toBe(false);
      if (!result.ok) expect(AUTH_REFUSALS).toContain(result.code);
      expect(await fingerprint(), `${name} as ${identity} changed data although refused`).toBe(before);
    }
  });

  it("succeeds for at least one allowed identity", () => {
    const expectsSuccess = !["confirmTotpEnrolment"].includes(name); // a wrong code is the only input a test can give blind
    if (expectsSuccess) expect(succeeded).toBeGreaterThan(0);
    else expect(succeeded).toBe(0);
  });
});

describe.each(Object.entries(ROUTES))("route %s", (key, row) => {
  it.each([...IDENTITIES])(`as %s`, async (identity) => {
    const before = await fingerprint();
    const response = await row.call(fx, await cookieOf(identity));
    if (row.allowed.includes(identity)) {
      expect(response.status, `${key} as ${identity}: ${await response.clone().text()}`).toBe(row.status ?? 200);
    } else {
      expect([401, 403, 404], `${key} as ${identity}`).toContain(response.status);
      if (identity === "anonymous") expect(response.status).toBe(401);
      expect(await fingerprint(), `${key} as ${identity} changed data although refused`).toBe(before);
    }
  });
});
