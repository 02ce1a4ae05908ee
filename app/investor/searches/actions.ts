"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runServerAction } from "@/lib/auth/current";
import { deleteSavedSearchSpec, renameSavedSearchSpec, setSavedSearchAlertSpec } from "@/lib/saved-searches/actions";

const PAGE = "/investor/searches";

/** The rename form keeps what was typed on a refusal (useFormAction). */
export async function renameSavedSearchAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(renameSavedSearchSpec, formData);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function setSavedSearchAlertAction(formData: FormData): Promise<void> {
  const result = await runServerAction(setSavedSearchAlertSpec, formData);
  if (!result.ok) redirect(`${PAGE}?error=${encodeURIComponent(result.message)}`);
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=${result.data.alert ? "alertOn" : "alertOff"}`);
}

export async function deleteSavedSearchAction(formData: FormData): Promise<void> {
  const result = await runServerAction(deleteSavedSearchSpec, formData);
  if (!result.ok) redirect(`${PAGE}?error=${encodeURIComponent(result.message)}`);
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=deleted`);
}
