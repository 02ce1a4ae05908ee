"use client";
// Pending staff requests with Approve / Reject. One outcome message for the
// list: an approved or rejected request leaves the list when the page refreshes.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { approveStaffAction, rejectStaffAction } from "@/app/admin/users/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { controlClass } from "@/components/forms/control-class";
import { SubmitButton } from "@/components/forms/submit-button";
import type { TActionResult } from "@/lib/http/result";

export type TPendingStaffRow = {
  id: string;
  name: string;
  email: string;
  agencyName: string | null;
  jobTitle: string | null;
  requestedAt: string;
};

type TOutcome = { intent: "approve" | "reject"; name: string; result: TActionResult<unknown> } | null;

export function PendingStaffList({ rows }: { rows: TPendingStaffRow[] }) {
  const t = useTranslations("admin.users.pending");
  const [outcome, dispatch] = useActionState<TOutcome, FormData>(async (_previous, formData) => {
    const intent = formData.get("intent") === "reject" ? "reject" : "approve";
    const name = rows.find((row) => row.id === formData.get("userId"))?.name ?? "";
    const result = intent === "approve" ? await approveStaffAction(null, formData) : await rejectStaffAction(null, formData);
    return { intent, name, result };
  }, null);

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {outcome?.result.ok && (
          <FormSuccess>{t(outcome.intent === "approve" ? "approved" : "rejected", { name: outcome.name })}</FormSuccess>
        )}
      </div>
      {outcome && <FormError result={outcome.result} />}
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="pending-staff">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-3 py-4 lg:flex-row lg:items-start lg:justify-between">
              <div className="min-w-0">
                <p className="font-medium">{row.name}</p>
                <p className="break-all text-sm text-stone-700">{row.email}</p>
                <p className="text-sm text-stone-600">
                  {[row.agencyName ?? t("noAgency"), row.jobTitle].filter(Boolean).join(" · ")}
                </p>
                <p className="text-sm text-stone-500">{t("requestedAt", { date: row.requestedAt })}</p>
              </div>
              <div className="flex flex-wrap items-start gap-3">
                <form action={dispatch}>
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="userId" value={row.id} />
                  <SubmitButton pendingLabel={t("approving")}>
                    {t("approve")}
                    <span className="sr-only"> {row.name}</span>
                  </SubmitButton>
                </form>
                <details className="rounded-md border border-stone-200 px-3 py-2">
                  <summary className="cursor-pointer text-sm font-medium text-red-800">
                    {t("rejectOpen")}
                    <span className="sr-only"> {row.name}</span>
                  </summary>
                  <form action={dispatch} className="mt-2 space-y-2">
                    <input type="hidden" name="intent" value="reject" />
                    <input type="hidden" name="userId" value={row.id} />
                    <label htmlFor={`reason-${row.id}`} className="block text-sm">
                      {t("reason")}
                    </label>
                    <input id={`reason-${row.id}`} name="reason" maxLength={500} className={controlClass} aria-describedby={`reason-hint-${row.id}`} />
                    <p id={`reason-hint-${row.id}`} className="text-xs text-stone-600">
                      {t("reasonHint")}
                    </p>
                    <SubmitButton variant="danger" pendingLabel={t("rejecting")}>
                      {t("reject")}
                    </SubmitButton>
                  </form>
                </details>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
