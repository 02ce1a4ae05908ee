"use client";
// Save / remove from saved, for an investor on a listing page or the saved list.
import { useTranslations } from "next-intl";
import { saveListingAction, unsaveListingAction } from "@/app/investor/saved/actions";
import { FormError } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";

export function SaveListingButton({ listingId, saved }: { listingId: string; saved: boolean }) {
  const t = useTranslations("interests.act");
  const [save, saveAction] = useFormAction(saveListingAction);
  const [unsave, unsaveAction] = useFormAction(unsaveListingAction);
  const result = saved ? unsave.result : save.result;
  return (
    <form action={saved ? unsaveAction : saveAction} className="space-y-2">
      <FormError result={result} />
      <input type="hidden" name="listingId" value={listingId} />
      <SubmitButton variant="secondary" pendingLabel={saved ? t("removing") : t("saving")}>
        {saved ? t("unsave") : t("save")}
      </SubmitButton>
    </form>
  );
}
