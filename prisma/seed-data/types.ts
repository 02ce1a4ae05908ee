// Shapes of the seed data. The data modules stay plain values (no Prisma calls)
// so they can be read, reviewed and diffed on their own; prisma/seed.ts turns
// them into rows. Enum-typed fields use the generated union types.
import type {
  Currency,
  Instrument,
  ListingKind,
  OrganizationKind,
  Prisma,
  Province,
  Stage,
} from "../../lib/db/client";

export type TSeedOrganization = {
  kind: OrganizationKind;
  /** Natural key for agencies; investor firms (no code) are keyed by name. */
  code: string | null;
  name: string;
  nameJa: string;
  country: string;
  province: Province | null;
  website: string | null;
  /** Generic, non-real contact used on the agency's listings (.example TLD). */
  contactName?: string;
  contactEmail?: string;
  source: string;
};

export type TSeedSector = {
  slug: string;
  nameEn: string;
  nameJa: string;
  parentSlug: string | null;
  sortOrder: number;
};

export type TSeedIncentiveTemplate = {
  code: string;
  nameEn: string;
  nameJa: string;
  legalBasis: string;
  description: string;
  sourceNote: string;
};

/** An incentive attached to a listing, by template code, with ISO dates. */
export type TSeedIncentive = {
  templateCode: string;
  validFrom: string | null;
  validTo: string | null;
};

export type TSeedAmount = {
  currency: Currency;
  /** Minor units of `currency` (cents for USD). */
  amountMinor: bigint;
  /** The same amount in USD cents. */
  amountUsdCents: bigint;
};

export type TSeedListing = {
  slug: string;
  kind: ListingKind;
  agencyCode: string;
  title: string;
  titleJa: string;
  summary: string;
  summaryJa: string;
  description: string | null;
  /** Sector slugs, at most two (a trigger enforces it in the database). */
  sectorSlugs: string[];
  /** null: nationwide or not tied to one province. */
  province: Province | null;
  district: string | null;
  zone: string | null;
  amount: TSeedAmount | null;
  instruments: Instrument[];
  stage: Stage;
  /** Decimal as a string, e.g. "1536". */
  areaAcres: string | null;
  developer: string | null;
  facts: Prisma.InputJsonObject;
  tags: string[];
  sourceNote: string;
  incentives: TSeedIncentive[];
};

export type TSeedExchangeRate = {
  base: Currency;
  quote: Currency;
  /** Decimal as a string: 1 base = rate quote. */
  rate: string;
  asOf: string;
  source: string;
};
