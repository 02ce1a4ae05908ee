// GET /notifications/{id}/open: the link in notification emails. Marks the
// notification read — the reader's own only; anyone else's id, or a malformed
// one, is a 404 that changes nothing — and sends the reader where it leads, as
// opening it from the bell does. Visitors without a session are sent to sign in
// by proxy.ts and come back here afterwards.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { openNotification } from "@/lib/notifications/mutations";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const user = requireUser(actor);
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound();
  const { href } = await openNotification(user, { id: id.data });
  // A relative Location: the browser stays on the host it came in by (request.url may name another, e.g. localhost).
  return new Response(null, { status: 303, headers: { Location: href, "Cache-Control": "no-store" } });
});
