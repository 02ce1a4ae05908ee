"use client";
// Per-user admin controls: change role, suspend or reactivate. The outcome
// (including refusals such as "the last admin") shows in the row.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeRoleAction, reactivateUserAction, suspendUserAction } from "@/app/admin/users/actions";
import { FormError, FormSuccess } from "@/components/forms/form-message";
import { controlClass } from "@/components/forms/control-class";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { TActionResult } from "@/lib/http/result";

const ROLES = ["INVESTOR", "STAFF", "ADMIN"] as const;

type TUserRowActionsProps = { user: { id: string; name: string; role: string; status: string } };
type TStatusOutcome = { intent: "suspend" | "reactivate"; result: TActionResult<unknown> } | null;

export function UserRowActions({ user }: TUserRowActionsProps) {
  const t = useTranslations("admin.users.actions");
  const te = useTranslations("enums.role");
  const [{ result: roleResult, values }, roleAction] = useFormAction(changeRoleAction, { role: user.role });
  const [statusOutcome, statusAction] = useActionState<TStatusOutcome, FormData>(async (_previous, formData) => {
    const intent = formData.get("intent") === "reactivate" ? "reactivate" : "suspend";
    const result = intent === "suspend" ? await suspendUserAction(null, formData) : await reactivateUserAction(null, formData);
    return { intent, result };
  }, null);
  const roleId = `role-${user.id}`;
  const roleError = roleResult && !roleResult.ok ? `role-error-${user.id}` : undefined;
  const suspended = user.status === "SUSPENDED";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={roleId} className="sr-only">
              {t("roleFor", { name: user.name })}
            </label>
            <select
              key={values.role}
              id={roleId}
              name="role"
              defaultValue={values.role}
              aria-invalid={roleError ? true : undefined}
              aria-describedby={roleError}
              className={`${controlClass} w-auto py-1.5`}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {te(role)}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton variant="secondary" pendingLabel={t("changing")} className="py-1.5">
            {t("changeRole")}
            <span className="sr-only"> {user.name}</span>
          </SubmitButton>
        </form>
        <form action={statusAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="intent" value={suspended ? "reactivate" : "suspend"} />
          <SubmitButton variant={suspended ? "secondary" : "danger"} pendingLabel={t("saving")} className="py-1.5">
            {suspended ? t("reactivate") : t("suspend")}
            <span className="sr-only"> {user.name}</span>
          </SubmitButton>
        </form>
      </div>
      <div id={roleError} aria-live="polite" className="space-y-1 text-sm">
        {roleResult?.ok && <FormSuccess>{t("roleChanged", { role: te(roleResult.data.role) })}</FormSuccess>}
        <FormError result={roleResult} />
        {statusOutcome?.result.ok && <FormSuccess>{t(statusOutcome.intent === "suspend" ? "suspended" : "reactivated")}</FormSuccess>}
        <FormError result={statusOutcome?.result ?? null} />
      </div>
    </div>
  );
}
