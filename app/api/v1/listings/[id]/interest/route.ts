import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/guards";
import { apiRoute, readOptionalJson } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { expressInterest } from "@/lib/interests/mutations";
import { ZInterestMessage } from "@/lib/interests/schemas";
import { ZListingRef } from "@/lib/listings/schemas";

/** An investor expresses interest in a published listing: 201 the first time, 200 with the same interest after. */
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request, meta }) => {
  // The role first: staff and admins are refused whatever they send.
  const user = requireRole(actor, "INVESTOR");
  const listingId = parseInput(ZListingRef, params).id;
  const { message } = parseInput(ZInterestMessage, await readOptionalJson(request));
  const { created, ...interest } = await expressInterest(user, { listingId, message }, meta);
  return NextResponse.json(interest, {
    status: created ? 201 : 200,
    headers: { Location: `/api/v1/interests/${interest.id}`, "Cache-Control": "no-store" },
  });
});
