// One person as an admin sees them (/admin/users/[id]): the account, and by
// role their investor profile and activity (matches, interests, saved
// listings) or their agency and its listings, plus the audit entries by or
// about them. DTOs from explicit selects: no password hash or TOTP secret is
// read. Callers check the admin role first (requirePageRole("ADMIN")).
import { listAuditEntriesForUser, type TAuditEntryDto } from "@/lib/audit/queries";
import { db } from "@/lib/db/client";
import { OWN_PROFILE_SELECT, toOwnProfileDto, type TOwnInvestorProfileDto } from "@/lib/investors/queries";
import { getLatestRates } from "@/lib/money/rates";

type TLocale = "en" | "ja";

export const ACTIVITY_LIMIT = 20;

export type TPersonListingRef = { id: string; title: string; status: string };
export type TPersonMatch = { id: string; listing: TPersonListingRef; score: number; status: string; createdAt: Date };
export type TPersonInterest = { id: string; listing: TPersonListingRef; status: string; createdAt: Date; firstContactAt: Date | null };
export type TPersonSaved = { listing: TPersonListingRef; savedAt: Date };
export type TPersonAgencyListing = TPersonListingRef & { kind: string; updatedAt: Date; createdByThem: boolean };

export type TPersonDetail = {
  id: string;
  name: string;
  email: string;
  role: "INVESTOR" | "STAFF" | "ADMIN";
  status: "PENDING" | "ACTIVE" | "SUSPENDED";
  locale: string;
  country: string | null;
  organizationName: string | null;
  emailVerified: boolean;
  totpEnabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  investor: null | {
    profile: TOwnInvestorProfileDto | null;
    matches: TPersonMatch[];
    matchCount: number;
    interests: TPersonInterest[];
    interestCount: number;
    saved: TPersonSaved[];
    savedCount: number;
  };
  staff: null | { agencyId: string | null; listings: TPersonAgencyListing[]; listingCount: number };
  audit: TAuditEntryDto[];
};

const LISTING_REF = { id: true, title: true, titleJa: true, status: true } as const;

function listingRef(row: { id: string; title: string; titleJa: string | null; status: string }, locale: TLocale): TPersonListingRef {
  return { id: row.id, title: (locale === "ja" && row.titleJa) || row.title, status: row.status };
}

async function loadInvestorActivity(userId: string, locale: TLocale): Promise<NonNullable<TPersonDetail["investor"]>> {
  const profileRow = await db().investorProfile.findUnique({ where: { userId }, select: OWN_PROFILE_SELECT });
  const profileId = profileRow?.id;
  const [rates, matches, matchCount, interests, interestCount, saved, savedCount] = await Promise.all([
    getLatestRates(),
    profileId
      ? db().match.findMany({
          where: { investorProfileId: profileId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: ACTIVITY_LIMIT,
          select: { id: true, score: true, status: true, createdAt: true, listing: { select: LISTING_REF } },
        })
      : [],
    profileId ? db().match.count({ where: { investorProfileId: profileId } }) : 0,
    profileId
      ? db().interest.findMany({
          where: { investorProfileId: profileId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: ACTIVITY_LIMIT,
          select: { id: true, status: true, createdAt: true, firstContactAt: true, listing: { select: LISTING_REF } },
        })
      : [],
    profileId ? db().interest.count({ where: { investorProfileId: profileId } }) : 0,
    db().savedListing.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: ACTIVITY_LIMIT,
      select: { createdAt: true, listing: { select: LISTING_REF } },
    }),
    db().savedListing.count({ where: { userId } }),
  ]);
  return {
    profile: profileRow ? toOwnProfileDto(profileRow, rates) : null,
    matches: matches.map((row) => ({ id: row.id, score: row.score, status: row.status, createdAt: row.createdAt, listing: listingRef(row.listing, locale) })),
    matchCount,
    interests: interests.map((row) => ({
      id: row.id,
      status: row.status,
      createdAt: row.createdAt,
      firstContactAt: row.firstContactAt,
      listing: listingRef(row.listing, locale),
    })),
    interestCount,
    saved: saved.map((row) => ({ savedAt: row.createdAt, listing: listingRef(row.listing, locale) })),
    savedCount,
  };
}

async function loadStaffActivity(userId: string, agencyId: string | null, locale: TLocale): Promise<NonNullable<TPersonDetail["staff"]>> {
  if (!agencyId) return { agencyId: null, listings: [], listingCount: 0 };
  const [rows, listingCount] = await Promise.all([
    db().listing.findMany({
      where: { agencyId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: ACTIVITY_LIMIT,
      select: { ...LISTING_REF, kind: true, updatedAt: true, createdById: true },
    }),
    db().listing.count({ where: { agencyId } }),
  ]);
  return {
    agencyId,
    listings: rows.map((row) => ({ ...listingRef(row, locale), kind: row.kind, updatedAt: row.updatedAt, createdByThem: row.createdById === userId })),
    listingCount,
  };
}

/** The person, or null when no user has this id. */
export async function getPersonDetail(userId: string, locale: TLocale): Promise<TPersonDetail | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      locale: true,
      country: true,
      organizationId: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      createdAt: true,
      lastSignInAt: true,
      organization: { select: { name: true, nameJa: true } },
    },
  });
  if (!user) return null;
  const [investor, staff, audit] = await Promise.all([
    user.role === "INVESTOR" ? loadInvestorActivity(user.id, locale) : Promise.resolve(null),
    user.role === "STAFF" ? loadStaffActivity(user.id, user.organizationId, locale) : Promise.resolve(null),
    listAuditEntriesForUser(user.id, ACTIVITY_LIMIT),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    locale: user.locale,
    country: user.country,
    organizationName: user.organization ? (locale === "ja" && user.organization.nameJa) || user.organization.name : null,
    emailVerified: user.emailVerifiedAt !== null,
    totpEnabled: user.totpEnabledAt !== null,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    investor,
    staff,
    audit,
  };
}
