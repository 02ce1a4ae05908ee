"use server";
// No revalidatePath: the queue is rendered per request, and revalidating would
// remove the decided item (and its outcome message) from under the admin.
import { runServerAction } from "@/lib/auth/current";
import { publishListingSpec, sendBackListingSpec } from "@/lib/listings/actions";

export async function publishListingAction(_previous: unknown, formData: FormData) {
  return runServerAction(publishListingSpec, formData);
}

export async function sendBackListingAction(_previous: unknown, formData: FormData) {
  return runServerAction(sendBackListingSpec, formData);
}
