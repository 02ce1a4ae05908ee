import { requireUser } from "@/lib/auth/guards";
import { apiRoute } from "@/lib/http/route";

/** Who am I: the signed-in user as the server sees them now. */
export const GET = apiRoute(async ({ actor }) => {
  const user = requireUser(actor);
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, organizationId: user.organizationId };
});
