"use client";
// Up to two sectors, parents or children; once two are chosen the others are
// disabled until one is unticked.
import { useTranslations } from "next-intl";
import { useTranslateMessage } from "@/components/forms/use-translate-message";
import type { TSectorGroup } from "@/lib/sectors/queries";
import { EditorSection, useEditor } from "./editor-context";

export const MAX_SECTORS = 2;

export function SectorsSection({ sectors }: { sectors: TSectorGroup[] }) {
  const t = useTranslations("listingEditor");
  const translate = useTranslateMessage();
  const { values, update, errorsFor } = useEditor();
  const errors = errorsFor("sectorIds");
  const full = values.sectorIds.length >= MAX_SECTORS;
  const toggle = (id: string, checked: boolean) =>
    update((current) => ({
      ...current,
      sectorIds: checked ? [...current.sectorIds.filter((sector) => sector !== id), id].slice(0, MAX_SECTORS) : current.sectorIds.filter((sector) => sector !== id),
    }));
  const box = (sector: { id: string; name: string }, strong: boolean) => {
    const checked = values.sectorIds.includes(sector.id);
    return (
      <label className={`flex items-center gap-2 text-sm ${strong ? "font-medium" : ""} ${!checked && full ? "text-stone-400" : ""}`}>
        <input
          type="checkbox"
          name="sectorIds"
          value={sector.id}
          checked={checked}
          disabled={!checked && full}
          aria-invalid={errors ? true : undefined}
          onChange={(event) => toggle(sector.id, event.target.checked)}
          className="size-4 rounded border-stone-300"
        />
        {sector.name}
      </label>
    );
  };
  return (
    <EditorSection id="sectors" title={t("sections.sectors")}>
      <fieldset aria-describedby="sectors-hint sectors-error" data-field="sectorIds" aria-invalid={errors ? true : undefined}>
        <legend className="text-sm font-medium text-stone-800">{t("fields.sectors")}</legend>
        <p id="sectors-hint" className="text-sm text-stone-600" aria-live="polite">
          {t("fields.sectorsHint", { count: values.sectorIds.length, max: MAX_SECTORS })}
        </p>
        <p id="sectors-error" className="text-sm text-red-700">
          {errors ? [...new Set(errors)].map((message) => translate(message)).join(" ") : null}
        </p>
        <ul className="mt-2 grid max-h-80 gap-x-6 gap-y-3 overflow-y-auto rounded-md border border-stone-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
          {sectors.map((group) => (
            <li key={group.id}>
              {box(group, true)}
              {group.children.length > 0 && (
                <ul className="mt-1 space-y-1 pl-6">
                  {group.children.map((child) => (
                    <li key={child.id}>{box(child, false)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
    </EditorSection>
  );
}
