import type { ReactNode } from "react";

// Sign-in, registration and recovery pages: one narrow column.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-md">{children}</div>;
}
