import Link from "next/link";

export type TAuthAlternative = { lead: string; href: string; label: string };

/** The "no account yet? / agency staff?" links under the sign-in, register and access forms. */
export function AuthAlternatives({ items }: { items: TAuthAlternative[] }) {
  return (
    <div className="mt-6 space-y-2 text-sm text-stone-700">
      {items.map((item) => (
        <p key={item.href}>
          {item.lead}{" "}
          <Link href={item.href} className="text-brand-700 underline">
            {item.label}
          </Link>
        </p>
      ))}
    </div>
  );
}
