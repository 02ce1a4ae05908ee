// The fields of a listing that its agency writes (what a version snapshot records),
// selected alike by the snapshot, the API's DTO and the opportunity page, so a
// field added to the editor is read everywhere at once.
import type { Prisma } from "@/lib/db/client";

export const LISTING_CONTENT_SELECT = {
  kind: true,
  title: true,
  titleJa: true,
  summary: true,
  summaryJa: true,
  description: true,
  sectorIds: true,
  province: true,
  district: true,
  zone: true,
  amountMinor: true,
  currency: true,
  amountUsdCents: true,
  instruments: true,
  stage: true,
  areaAcres: true,
  developer: true,
  plotsAvailable: true,
  facts: true,
  tags: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
} as const satisfies Prisma.ListingSelect;
