"use client";
// Publish, or send back with a comment (required) that the agency staff read in
// the editor. The outcome shows beside the buttons.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { publishListingAction, sendBackListingAction } from "@/app/admin/listings/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextArea } from "@/components/forms/text-area";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

export function ModerationActions({ listing }: { listing: { id: string; title: string } }) {
  const t = useTranslations("adminListings.actions");
  const [{ result: published }, publishAction] = useFormAction(publishListingAction);
  const [{ result: sentBack, values }, sendBackAction] = useFormAction(sendBackListingAction);
  const sendBackForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(sendBackForm, sentBack);
  if (published?.ok) return <FormSuccess>{t("published", { title: listing.title })}</FormSuccess>;
  if (sentBack?.ok) return <FormSuccess>{t("sentBack", { title: listing.title })}</FormSuccess>;
  return (
    <div className="grid gap-4 md:grid-cols-[auto_1fr]">
      <form action={publishAction} className="space-y-2">
        <input type="hidden" name="id" value={listing.id} />
        <SubmitButton pendingLabel={t("publishing")}>
          {t("publish")}
          <span className="sr-only"> {listing.title}</span>
        </SubmitButton>
        <FormError result={published} />
      </form>
      <form ref={sendBackForm} action={sendBackAction} noValidate className="space-y-2">
        <input type="hidden" name="id" value={listing.id} />
        <TextArea
          name="comment"
          label={t("comment", { title: listing.title })}
          hint={t("commentHint")}
          rows={3}
          maxLength={2000}
          defaultValue={values.comment}
          errors={fieldErrors(sentBack, "comment")}
        />
        <SubmitButton variant="secondary" pendingLabel={t("sendingBack")}>
          {t("sendBack")}
          <span className="sr-only"> {listing.title}</span>
        </SubmitButton>
        <FormError result={sentBack} />
      </form>
    </div>
  );
}
