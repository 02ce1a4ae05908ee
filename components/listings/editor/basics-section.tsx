"use client";
import { useTranslations } from "next-intl";
import { TextArea } from "@/components/forms/text-area";
import { TextInput } from "@/components/forms/text-input";
import { EditorSection, useEditor } from "./editor-context";

type TTextKey = "title" | "titleJa" | "summary" | "summaryJa" | "description";

export function BasicsSection() {
  const t = useTranslations("listingEditor");
  const { values, update, errorsFor } = useEditor();
  const bind = (key: TTextKey) => ({
    name: key,
    value: values[key],
    errors: errorsFor(key),
    onChange: (event: { target: { value: string } }) => update((current) => ({ ...current, [key]: event.target.value })),
  });
  return (
    <EditorSection id="basics" title={t("sections.basics")} description={t("sections.basicsIntro")}>
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput {...bind("title")} label={t("fields.title")} maxLength={200} />
        <TextInput {...bind("titleJa")} label={t("fields.titleJa")} optional lang="ja" maxLength={200} />
        <TextArea {...bind("summary")} label={t("fields.summary")} hint={t("fields.summaryHint", { count: values.summary.trim().length })} maxLength={2000} />
        <TextArea {...bind("summaryJa")} label={t("fields.summaryJa")} optional lang="ja" maxLength={2000} />
      </div>
      <TextArea {...bind("description")} label={t("fields.description")} optional rows={6} maxLength={20000} />
    </EditorSection>
  );
}
