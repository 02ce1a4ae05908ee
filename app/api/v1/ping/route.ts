// An empty JSON route: the framework's own cost per request, measured by
// `npm run bench:search` next to the search API. Public; touches nothing.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET(): NextResponse {
  return NextResponse.json({}, { headers: { "Cache-Control": "no-store" } });
}
