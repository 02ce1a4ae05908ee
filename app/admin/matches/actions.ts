"use server";
// The review queue's actions, called from the client with plain objects. No
// revalidatePath: decided cards stay in place with their outcome until the
// admin reloads or moves on.
import { runServerAction } from "@/lib/auth/current";
import { approveMatchSpec, bulkApproveMatchesSpec, countBulkApprovalSpec, introduceMatchSpec, rejectMatchSpec } from "@/lib/matching/review-actions";

export async function approveMatchAction(input: { matchId: string }) {
  return runServerAction(approveMatchSpec, input);
}

export async function rejectMatchAction(input: { matchId: string; reason: string }) {
  return runServerAction(rejectMatchSpec, input);
}

export async function introduceMatchAction(input: { matchId: string; note?: string }) {
  return runServerAction(introduceMatchSpec, input);
}

export async function bulkApproveMatchesAction(input: Record<string, unknown>) {
  return runServerAction(bulkApproveMatchesSpec, input);
}

export async function countBulkApprovalAction(input: Record<string, unknown>) {
  return runServerAction(countBulkApprovalSpec, input);
}
