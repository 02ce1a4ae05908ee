"use client";
import { useTranslations } from "next-intl";
import { TextInput } from "@/components/forms/text-input";
import { EditorSection, useEditor } from "./editor-context";

export function ContactSection() {
  const t = useTranslations("listingEditor");
  const { values, update, errorsFor } = useEditor();
  const set = (key: "contactName" | "contactEmail" | "contactPhone") => (event: { target: { value: string } }) =>
    update((current) => ({ ...current, [key]: event.target.value }));
  return (
    <EditorSection id="contact" title={t("sections.contact")} description={t("sections.contactIntro")}>
      <div className="grid gap-4 md:grid-cols-3">
        <TextInput name="contactName" label={t("fields.contactName")} optional autoComplete="off" value={values.contactName} onChange={set("contactName")} errors={errorsFor("contactName")} maxLength={120} />
        <TextInput name="contactEmail" type="email" label={t("fields.contactEmail")} optional autoComplete="off" value={values.contactEmail} onChange={set("contactEmail")} errors={errorsFor("contactEmail")} maxLength={254} />
        <TextInput name="contactPhone" type="tel" label={t("fields.contactPhone")} optional autoComplete="off" value={values.contactPhone} onChange={set("contactPhone")} errors={errorsFor("contactPhone")} maxLength={40} />
      </div>
    </EditorSection>
  );
}
