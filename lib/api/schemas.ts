// Response shapes of the REST API that are not listings, as zod schemas for the
// OpenAPI document. Each is checked against the DTO type its query returns (the
// assertions at the bottom), and the walking test validates real responses
// against the generated document.
import { z } from "zod";
import type { THealth } from "@/lib/db/health";
import type { TInterestDto } from "@/lib/interests/queries";
import type { TInvestorProfileDto, TOwnInvestorProfileDto } from "@/lib/investors/queries";
import type { TMatchDto, TMyMatchDto } from "@/lib/matching/queries";

export const ZApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION, CONFLICT, CROSS_ORIGIN…", example: "VALIDATION" }),
      message: z.string().meta({ description: "A message key of the Kizuna catalogs (errors.*).", example: "errors.validation" }),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Problems by field: dotted paths (\"investment.amount\", \"incentives.0.validTo\") to message keys.", example: { "investment.amount": ["errors.field.amount"] } }),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  })
  .meta({ id: "Error", description: "Every error answer has this shape." });

export const ZMe = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: z.enum(["INVESTOR", "STAFF", "ADMIN"]),
    locale: z.enum(["en", "ja"]),
    organizationId: z.uuid().nullable(),
  })
  .meta({ id: "Me" });

const ZDateTime = z.iso.datetime();
const ZCentsString = z.string().regex(/^\d+$/).meta({ description: "USD cents as a decimal integer string." });

export const ZInvestorProfileDto = z
  .object({
    id: z.uuid(),
    sectorIds: z.array(z.uuid()),
    ticketMinUsdCents: ZCentsString.nullable(),
    ticketMaxUsdCents: ZCentsString.nullable(),
    ticketCurrency: z.string(),
    anywhereInPakistan: z.boolean(),
    provinces: z.array(z.string()),
    districts: z.array(z.string()),
    instruments: z.array(z.string()),
    stages: z.array(z.string()),
    horizonYears: z.int().nullable(),
    thesis: z.string().nullable(),
    locale: z.string(),
    updatedAt: ZDateTime,
  })
  .meta({ id: "InvestorProfile" });

const ZDecimalString = (currency: string) => z.string().regex(/^\d+(\.\d+)?$/).meta({ description: `A decimal amount in major units of ${currency}.` });
const ZAmountFor = (what: string) => ZDecimalString(what).nullable();

export const ZOwnInvestorProfileDto = z
  .object({
    id: z.uuid(),
    sectorIds: z.array(z.uuid()),
    ticketCurrency: z.enum(["USD", "PKR", "JPY"]).meta({ description: "The currency the investor thinks in." }),
    ticketMin: ZAmountFor("ticketCurrency (converted back from USD at today's rate and rounded to 5 significant figures; null when no rate is known)"),
    ticketMax: ZAmountFor("ticketCurrency (converted back from USD at today's rate and rounded to 5 significant figures; null when no rate is known)"),
    ticketMinUsd: ZAmountFor("USD (as stored)"),
    ticketMaxUsd: ZAmountFor("USD (as stored)"),
    anywhereInPakistan: z.boolean(),
    provinces: z.array(z.string()),
    districts: z.array(z.string()),
    instruments: z.array(z.string()),
    stages: z.array(z.string()),
    horizonYears: z.int().nullable(),
    thesis: z.string().nullable(),
    locale: z.string(),
    onboardedAt: ZDateTime.nullable(),
    updatedAt: ZDateTime,
  })
  .meta({ id: "MyInvestorProfile" });

export const ZMatchDto = z
  .object({
    id: z.uuid(),
    listingId: z.uuid(),
    score: z.int(),
    reasons: z.unknown().meta({ description: "Structured reasons ({ code, params }), rendered in the reader's language; derived when the match is read, from the listing and the investor profile as they are now, with the weights version that scored the match." }),
    status: z.string(),
    createdAt: ZDateTime,
  })
  .meta({ id: "Match" });

export const ZInterestDto = z
  .object({ id: z.uuid(), listingId: z.uuid(), status: z.string(), message: z.string().nullable(), createdAt: ZDateTime })
  .meta({ id: "Interest" });

export const ZMyMatchDto = z
  .object({
    id: z.uuid(),
    score: z.int(),
    status: z.string(),
    reasons: z.unknown().meta({ description: "Structured reasons ({ code, params }), rendered in the reader's language; derived when the match is read, from the listing and the investor profile as they are now, with the weights version that scored the match." }),
    createdAt: ZDateTime,
    listing: z.object({
      id: z.uuid(),
      title: z.string().meta({ description: "In Japanese for Japanese-speaking callers when the listing has a Japanese title." }),
      kind: z.string(),
      province: z.string().nullable(),
      district: z.string().nullable(),
      amountUsdCents: z.string().nullable().meta({ description: "USD cents as a decimal string." }),
      agencyName: z.string(),
    }),
  })
  .meta({ id: "MyMatch" });

export const ZMyMatchesPage = z
  .object({ items: z.array(ZMyMatchDto), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }) })
  .meta({ id: "MyMatchesPage" });

export const ZHealth = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    db: z.enum(["embedded", "postgres"]),
    migrations: z.enum(["up-to-date", "pending", "unknown"]),
  })
  .meta({ id: "Health" });

// Compile-time checks: each schema's type and its DTO type are the same shape.
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_check: T) => _check;
assertSame<TSame<z.infer<typeof ZInterestDto>, TInterestDto>>(true);
assertSame<TSame<z.infer<typeof ZInvestorProfileDto>, TInvestorProfileDto>>(true);
assertSame<TSame<z.infer<typeof ZOwnInvestorProfileDto>, TOwnInvestorProfileDto>>(true);
assertSame<TSame<Omit<z.infer<typeof ZMatchDto>, "reasons">, Omit<TMatchDto, "reasons">>>(true);
assertSame<TSame<Exclude<z.infer<typeof ZHealth>, never>["status"], THealth["status"]>>(true);
assertSame<TSame<Omit<z.infer<typeof ZMyMatchDto>, "reasons">, Omit<TMyMatchDto, "reasons">>>(true);
