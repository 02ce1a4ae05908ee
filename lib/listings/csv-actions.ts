// Action spec for the CSV bulk import: agency staff only, into their own agency
// (the agency comes from the actor, never from the file).
import { z } from "zod";
import { requireAgencyStaff } from "@/lib/auth/guards";
import { defineAction } from "@/lib/http/action";
import { importListingsCsv } from "./csv";
import { MAX_CSV_CHARS } from "./csv-limits";

export const ZImportListingsCsv = z.object({
  csv: z.string({ error: "errors.csv.fileRequired" }).min(1, "errors.csv.fileRequired").max(MAX_CSV_CHARS, "errors.csv.tooLarge"),
});

export const importListingsCsvSpec = defineAction({
  name: "importListingsCsv",
  input: ZImportListingsCsv,
  run: ({ actor, meta }, input) => importListingsCsv(requireAgencyStaff(actor), input.csv, meta),
});
