// Comfort only: send visitors without a session cookie to the sign-in page
// before rendering a private page, and hide development tools in production.
// Authorization is decided on the server at every page, action and route
// (lib/auth/guards.ts), never here.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/dev/")) {
    // The pages check too; this makes the answer a real 404 status.
    return process.env.APP_ENV === "production" ? new NextResponse("Not found", { status: 404 }) : NextResponse.next();
  }
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/account/:path*", "/admin/:path*", "/staff/:path*", "/investor/:path*", "/notifications/:path*", "/dev/:path*"] };
