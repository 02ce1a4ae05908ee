"use client";
// Dated incentives: picked from the catalogue (SEZ Act 2012 set), which fills in
// the names and legal basis, or written in. Each has its validity dates.
import { useTranslations } from "next-intl";
import { Select } from "@/components/forms/select";
import { TextInput } from "@/components/forms/text-input";
import { buttonClass } from "@/components/ui/button-class";
import type { TIncentiveValues } from "@/lib/listings/form-values";
import type { TIncentiveTemplateOption } from "@/lib/listings/staff-queries";
import { EditorSection, useEditor } from "./editor-context";

export const MAX_INCENTIVES = 20;

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());
}

export function IncentivesSection({ templates }: { templates: TIncentiveTemplateOption[] }) {
  const t = useTranslations("listingEditor.incentives");
  const { values, update, errorsFor, readOnly } = useEditor();
  const setIncentive = (index: number, change: Partial<TIncentiveValues>) =>
    update((current) => ({ ...current, incentives: current.incentives.map((incentive, i) => (i === index ? { ...incentive, ...change } : incentive)) }));
  const pickTemplate = (index: number, templateId: string) => {
    const template = templates.find((candidate) => candidate.id === templateId);
    setIncentive(index, template ? { templateId, name: template.nameEn, nameJa: template.nameJa, legalBasis: template.legalBasis } : { templateId: "" });
  };
  const add = () =>
    update((current) => ({
      ...current,
      incentives: [...current.incentives, { key: newKey(), templateId: "", name: "", nameJa: "", legalBasis: "", validFrom: "", validTo: "" }],
    }));
  const remove = (index: number) => update((current) => ({ ...current, incentives: current.incentives.filter((_, i) => i !== index) }));
  return (
    <EditorSection id="incentives" title={t("title")} description={t("intro")}>
      {values.incentives.length === 0 && <p className="text-sm text-stone-600">{t("none")}</p>}
      <ol className="space-y-4">
        {values.incentives.map((incentive, index) => (
          <li key={incentive.key} className="rounded-lg border border-stone-200 p-4">
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold">{t("legend", { number: index + 1 })}</legend>
              <Select
                name={`incentives.${index}.templateId`}
                label={t("template")}
                value={incentive.templateId}
                onChange={(event) => pickTemplate(index, event.target.value)}
                errors={errorsFor(`incentives.${index}.templateId`)}
                optional
                options={[{ value: "", label: t("custom") }, ...templates.map((template) => ({ value: template.id, label: template.name }))]}
              />
              <div className="grid gap-3 md:grid-cols-2">
                <TextInput
                  name={`incentives.${index}.name`}
                  label={t("name")}
                  value={incentive.name}
                  onChange={(event) => setIncentive(index, { name: event.target.value })}
                  errors={errorsFor(`incentives.${index}.name`)}
                  maxLength={200}
                />
                <TextInput
                  name={`incentives.${index}.nameJa`}
                  label={t("nameJa")}
                  optional
                  lang="ja"
                  value={incentive.nameJa}
                  onChange={(event) => setIncentive(index, { nameJa: event.target.value })}
                  errors={errorsFor(`incentives.${index}.nameJa`)}
                  maxLength={200}
                />
                <TextInput
                  name={`incentives.${index}.legalBasis`}
                  label={t("legalBasis")}
                  optional
                  className="space-y-1 md:col-span-2"
                  value={incentive.legalBasis}
                  onChange={(event) => setIncentive(index, { legalBasis: event.target.value })}
                  errors={errorsFor(`incentives.${index}.legalBasis`)}
                  maxLength={300}
                />
                <TextInput
                  name={`incentives.${index}.validFrom`}
                  type="date"
                  label={t("validFrom")}
                  optional
                  value={incentive.validFrom}
                  onChange={(event) => setIncentive(index, { validFrom: event.target.value })}
                  errors={errorsFor(`incentives.${index}.validFrom`)}
                />
                <TextInput
                  name={`incentives.${index}.validTo`}
                  type="date"
                  label={t("validTo")}
                  optional
                  value={incentive.validTo}
                  onChange={(event) => setIncentive(index, { validTo: event.target.value })}
                  errors={errorsFor(`incentives.${index}.validTo`)}
                />
              </div>
              {!readOnly && (
                <button type="button" onClick={() => remove(index)} className="text-sm text-red-700 underline">
                  {t("remove", { number: index + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {!readOnly && values.incentives.length < MAX_INCENTIVES && (
        <button type="button" onClick={add} className={buttonClass("secondary")}>
          {t("add")}
        </button>
      )}
    </EditorSection>
  );
}
