import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PendingStaffList } from "@/components/admin/pending-staff-list";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { controlClass } from "@/components/forms/control-class";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeading } from "@/components/ui/page-heading";
import { listPendingStaff, listUsers } from "@/lib/accounts/queries";
import { requirePageRole } from "@/lib/auth/current";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

const STATUS_STYLE = {
  ACTIVE: "bg-green-50 text-green-800",
  PENDING: "bg-amber-50 text-amber-900",
  SUSPENDED: "bg-red-50 text-red-800",
} as const;

const ROLES = ["INVESTOR", "STAFF", "ADMIN"] as const;
const STATUSES = ["PENDING", "ACTIVE", "SUSPENDED"] as const;

type TListQuery = { q: string; role?: (typeof ROLES)[number]; status?: (typeof STATUSES)[number] };

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function listHref(query: TListQuery, after?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.status) params.set("status", query.status);
  if (after) params.set("after", after);
  const text = params.toString();
  return text ? `/admin/users?${text}` : "/admin/users";
}

export default async function AdminUsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requirePageRole("ADMIN");
  const params = await searchParams;
  const query: TListQuery = {
    q: typeof params.q === "string" ? params.q.trim().slice(0, 100) : "",
    role: pick(params.role, ROLES),
    status: pick(params.status, STATUSES),
  };
  const after = typeof params.after === "string" ? params.after : undefined;
  const filtered = Boolean(query.q || query.role || query.status);
  const locale = (await getLocale()) === "ja" ? "ja" : "en";
  const [pending, users] = await Promise.all([listPendingStaff(locale), listUsers({ ...query, after, locale })]);
  const t = await getTranslations("admin.users");
  const te = await getTranslations("enums");
  const tp = await getTranslations("admin.people.list");
  const format = await getFormatter();
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-8">
      <PageHeading title={t("title")} intro={t("intro")} />

      <section aria-labelledby="pending-heading" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="pending-heading" className="mb-2 text-lg font-semibold">
          {t("pending.title", { count: pending.length })}
        </h2>
        <PendingStaffList
          rows={pending.map((row) => ({
            id: row.id,
            name: row.name,
            email: row.email,
            agencyName: row.agencyName,
            jobTitle: row.jobTitle,
            requestedAt: dateTime(row.requestedAt),
          }))}
        />
      </section>

      <section aria-labelledby="all-users-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="all-users-heading" className="text-lg font-semibold">
          {t("all.title")}
        </h2>
        <form method="get" action="/admin/users" role="search" className="flex flex-wrap items-end gap-2">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="user-search" className="block text-sm font-medium">
              {t("all.search")}
            </label>
            <input id="user-search" name="q" type="search" defaultValue={query.q} maxLength={100} className={controlClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="user-role" className="block text-sm font-medium">
              {tp("filterRole")}
            </label>
            <select id="user-role" name="role" defaultValue={query.role ?? ""} className={`${controlClass} w-auto`}>
              <option value="">{tp("anyRole")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {te(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="user-status" className="block text-sm font-medium">
              {tp("filterStatus")}
            </label>
            <select id="user-status" name="status" defaultValue={query.status ?? ""} className={`${controlClass} w-auto`}>
              <option value="">{tp("anyStatus")}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {te(`userStatus.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("all.searchButton")}
          </button>
          {filtered && (
            <Link href="/admin/users" className="px-2 py-2 text-sm text-brand-700 underline">
              {t("all.clear")}
            </Link>
          )}
        </form>
        <p role="status" className="text-sm text-stone-600">
          {query.q ? t("all.countFor", { count: users.total, q: query.q }) : t("all.count", { count: users.total })}
        </p>
        {users.users.length > 0 && (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-left text-sm" data-testid="users-table">
              <caption className="sr-only">{tp("caption")}</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("all.user")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("all.organization")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("all.role")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("all.status")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("all.activity")}</th>
                  <th scope="col" className="py-2 font-medium">{t("all.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {users.users.map((user) => (
                  <tr key={user.id} className="align-top">
                    <th scope="row" className="py-3 pr-4 font-normal">
                      <span className="block font-medium">
                        <Link href={`/admin/users/${user.id}`} className="text-brand-700 underline">
                          {user.name}
                        </Link>
                        {user.id === actor.id && <span className="ml-1 text-stone-500">{t("all.you")}</span>}
                      </span>
                      <span className="block break-all text-stone-600">{user.email}</span>
                    </th>
                    <td className="py-3 pr-4">{user.organizationName ?? "—"}</td>
                    <td className="py-3 pr-4">{te(`role.${user.role}`)}</td>
                    <td className="py-3 pr-4">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[user.status]}`}>
                        {te(`userStatus.${user.status}`)}
                      </span>
                    </td>
                    <td className="py-3 pr-4 text-stone-600">
                      <span className="block">{t("all.joined", { date: dateTime(user.createdAt) })}</span>
                      <span className="block">
                        {user.lastSignInAt ? t("all.lastSignIn", { date: dateTime(user.lastSignInAt) }) : t("all.neverSignedIn")}
                      </span>
                    </td>
                    <td className="py-3">
                      <UserRowActions user={{ id: user.id, name: user.name, role: user.role, status: user.status }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(after || users.nextAfter) && (
          <nav aria-label={t("all.pagination")} className="flex flex-wrap items-center gap-4 text-sm">
            {after && (
              <Link href={listHref(query)} className="text-brand-700 underline">
                {tp("firstPage")}
              </Link>
            )}
            {users.nextAfter && (
              <Link href={listHref(query, users.nextAfter)} className="text-brand-700 underline" rel="next">
                {t("all.next")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
