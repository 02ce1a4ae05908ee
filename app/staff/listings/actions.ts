"use server";
// Thin wrappers: the editor sends plain objects (nested values), each spec
// validates them and starts with its guard. No revalidatePath: the staff pages
// are rendered per request, and a revalidation would re-render the draft's new
// address under the editor of /staff/listings/new, remounting it mid-session.
import { runServerAction } from "@/lib/auth/current";
import {
  closeListingSpec,
  createListingDraftSpec,
  saveListingDraftSpec,
  submitListingSpec,
  updateListingSpec,
} from "@/lib/listings/actions";

type TInput = Record<string, unknown>;

export async function createListingDraftAction(input: TInput) {
  return runServerAction(createListingDraftSpec, input);
}

export async function saveListingDraftAction(input: TInput) {
  return runServerAction(saveListingDraftSpec, input);
}

export async function updateListingAction(input: TInput) {
  return runServerAction(updateListingSpec, input);
}

export async function submitListingAction(input: TInput) {
  return runServerAction(submitListingSpec, input);
}

export async function closeListingAction(input: TInput) {
  return runServerAction(closeListingSpec, input);
}
