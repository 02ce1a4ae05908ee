"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import type { TActionResult } from "@/lib/http/result";
import { importListingsCsvSpec } from "@/lib/listings/csv-actions";
import { MAX_CSV_BYTES } from "@/lib/listings/csv-limits";

/** The upload arrives as a File; the spec validates its text like any other input. */
export async function importListingsCsvAction(_previous: unknown, formData: FormData) {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, code: "VALIDATION", message: "errors.validation", fieldErrors: { file: ["errors.csv.fileRequired"] } } satisfies TActionResult<never>;
  }
  if (file.size > MAX_CSV_BYTES) {
    return { ok: false, code: "VALIDATION", message: "errors.validation", fieldErrors: { file: ["errors.csv.tooLarge"] } } satisfies TActionResult<never>;
  }
  const result = await runServerAction(importListingsCsvSpec, { csv: await file.text() });
  if (result.ok) revalidatePath("/staff/listings");
  return result;
}
