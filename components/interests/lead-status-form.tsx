"use client";
// The agency moves a lead along (or back): the investor is told of each change.
import { useTranslations } from "next-intl";
import { changeInterestStatusAction } from "@/app/staff/leads/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { Select } from "@/components/forms/select";
import { SubmitButton } from "@/components/forms/submit-button";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";
import { INTEREST_STATUSES, type TInterestStatus } from "@/lib/interests/schemas";

export function LeadStatusForm({ interestId, status }: { interestId: string; status: TInterestStatus }) {
  const t = useTranslations("leads.detail");
  const ts = useTranslations("interests.status");
  const [{ result }, formAction] = useFormAction(changeInterestStatusAction);
  return (
    <form action={formAction} className="space-y-3" data-testid="lead-status-form">
      <FormError result={result} />
      {result?.ok && result.data.changed && <FormSuccess>{t("statusSaved")}</FormSuccess>}
      <input type="hidden" name="interestId" value={interestId} />
      <Select
        name="status"
        label={t("status")}
        defaultValue={status}
        options={INTEREST_STATUSES.map((value) => ({ value, label: ts(value) }))}
        errors={fieldErrors(result, "status")}
      />
      <SubmitButton pendingLabel={t("savingStatus")}>{t("saveStatus")}</SubmitButton>
    </form>
  );
}
