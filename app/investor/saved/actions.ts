"use server";
import { revalidatePath } from "next/cache";
import { runServerAction } from "@/lib/auth/current";
import { saveListingSpec, unsaveListingSpec } from "@/lib/saved-listings/actions";

/** The Save button of a listing page. */
export async function saveListingAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(saveListingSpec, formData);
  if (result.ok) {
    revalidatePath(`/opportunities/${result.data.listingId}`);
    revalidatePath("/investor/saved");
  }
  return result;
}

/** "Remove from saved", on a listing page or the saved list. */
export async function unsaveListingAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(unsaveListingSpec, formData);
  if (result.ok) {
    revalidatePath(`/opportunities/${result.data.listingId}`);
    revalidatePath("/investor/saved");
  }
  return result;
}
