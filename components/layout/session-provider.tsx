"use client";
// next-auth's SessionProvider fetches /api/auth/session when the app loads, which
// re-issues the JWT cookie: that is what makes investors' 30-day session roll
// with activity. Pages still read the user from the database on the server.
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

export function AuthSessionProvider({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
