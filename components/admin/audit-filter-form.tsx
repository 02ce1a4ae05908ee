// The audit log's filters: a GET form, so a search is a shareable address and
// the CSV link carries the same parameters.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TextInput } from "@/components/forms/text-input";
import { buttonClass } from "@/components/ui/button-class";

type TAuditFilterFormProps = {
  values: Record<string, string | undefined>;
  fieldErrors: Record<string, string[]>;
  actions: string[];
  targetTypes: string[];
  filtered: boolean;
};

export async function AuditFilterForm({ values, fieldErrors, actions, targetTypes, filtered }: TAuditFilterFormProps) {
  const t = await getTranslations("admin.audit.filters");
  return (
    <form method="get" action="/admin/audit" role="search" aria-label={t("label")} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <div className="grid gap-4 md:grid-cols-3">
        <TextInput name="actor" label={t("actor")} hint={t("actorHint")} type="search" defaultValue={values.actor ?? ""} maxLength={200} errors={fieldErrors.actor} />
        <TextInput name="action" label={t("action")} hint={t("actionHint")} list="audit-actions" defaultValue={values.action ?? ""} maxLength={100} errors={fieldErrors.action} />
        <TextInput name="targetType" label={t("targetType")} list="audit-target-types" defaultValue={values.targetType ?? ""} maxLength={50} errors={fieldErrors.targetType} />
        <TextInput name="targetId" label={t("targetId")} defaultValue={values.targetId ?? ""} maxLength={100} errors={fieldErrors.targetId} />
        <TextInput name="from" label={t("from")} type="date" defaultValue={values.from ?? ""} errors={fieldErrors.from} />
        <TextInput name="to" label={t("to")} type="date" defaultValue={values.to ?? ""} errors={fieldErrors.to} />
      </div>
      <datalist id="audit-actions">
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <datalist id="audit-target-types">
        {targetTypes.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("submit")}
        </button>
        {filtered && (
          <Link href="/admin/audit" className="text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
