"use client";
// Renames one saved search in place; a refused name stays in the field with its error.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { renameSavedSearchAction } from "@/app/investor/searches/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useFocusFirstError } from "@/components/forms/use-focus-first-error";
import { fieldErrors, useFormAction } from "@/components/forms/use-form-action";

export function RenameSavedSearchForm({ id, name, nameMax }: { id: string; name: string; nameMax: number }) {
  const t = useTranslations("savedSearches.list");
  const form = useRef<HTMLFormElement>(null);
  const [{ result, values }, formAction] = useFormAction(renameSavedSearchAction, { name });
  useFocusFirstError(form, result);
  return (
    <form ref={form} action={formAction} noValidate className="space-y-2">
      <FormError result={result?.ok === false && !result.fieldErrors?.name ? result : null} />
      {result?.ok && <FormSuccess>{t("renamed")}</FormSuccess>}
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-2">
        <TextInput
          name="name"
          label={t("rename")}
          maxLength={nameMax}
          defaultValue={result?.ok ? result.data.name : values.name}
          errors={fieldErrors(result, "name")}
          className="min-w-0 grow space-y-1"
        />
        <SubmitButton variant="secondary" pendingLabel={t("renaming")}>
          {t("renameSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}
