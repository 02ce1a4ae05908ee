"use client";
// An internal note on a lead; the box empties once the note is added and keeps
// the text when it is refused.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { addInterestNoteAction } from "@/app/staff/leads/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextArea } from "@/components/forms/text-area";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

export function LeadNoteForm({ interestId, max }: { interestId: string; max: number }) {
  const t = useTranslations("leads.detail");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(addInterestNoteAction);
  useFocusFirstError(form, result);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-3">
      <FormError result={result} />
      {result?.ok && <FormSuccess>{t("noteAdded")}</FormSuccess>}
      <input type="hidden" name="interestId" value={interestId} />
      <TextArea
        key={result?.ok ? result.data.id : "draft"}
        name="body"
        label={t("noteLabel")}
        hint={t("notesHint")}
        maxLength={max}
        rows={3}
        defaultValue={result?.ok ? "" : values.body}
        errors={fieldErrors(result, "body")}
      />
      <SubmitButton pendingLabel={t("addingNote")}>{t("addNote")}</SubmitButton>
    </form>
  );
}
