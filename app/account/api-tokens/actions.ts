"use server";
import { revalidatePath } from "next/cache";
import { createApiTokenSpec, revokeApiTokenSpec } from "@/lib/auth/api-token-actions";
import { runServerAction } from "@/lib/auth/current";

export async function createApiTokenAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(createApiTokenSpec, formData);
  revalidatePath("/account/api-tokens");
  return result;
}

export async function revokeApiTokenAction(_previous: unknown, formData: FormData) {
  const result = await runServerAction(revokeApiTokenSpec, formData);
  revalidatePath("/account/api-tokens");
  return result;
}
