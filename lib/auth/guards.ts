// Guards called first in every server action, route handler and page loader.
// They decide from the actor that was just read from the database.
import { AppError, forbidden, unauthenticated } from "@/lib/errors";
import type { TActor, TRole } from "./session";

export type TActiveActor = TActor & { status: "ACTIVE" };

export function requireUser(actor: TActor | null): TActiveActor {
  if (!actor) throw unauthenticated();
  if (actor.status === "SUSPENDED") throw new AppError("FORBIDDEN", "errors.suspended");
  if (actor.status === "PENDING") throw new AppError("FORBIDDEN", "errors.pending");
  return actor as TActiveActor;
}

/** Admins must have a second factor before anything admin opens. */
export function requireRole(actor: TActor | null, ...roles: TRole[]): TActiveActor {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw forbidden();
  if (user.role === "ADMIN" && roles.includes("ADMIN") && !roles.includes("INVESTOR") && !user.totpEnabled) {
    throw new AppError("TOTP_ENROLMENT_REQUIRED", "errors.totpEnrolmentRequired");
  }
  return user;
}

/** Staff act only within their agency. */
export function requireAgencyStaff(actor: TActor | null): TActiveActor & { organizationId: string } {
  const user = requireRole(actor, "STAFF");
  if (!user.organizationId) throw forbidden();
  return user as TActiveActor & { organizationId: string };
}

/** Public reads: an active user sees more; anyone else (anonymous, pending, suspended) reads as the public. */
export function activeOrNull(actor: TActor | null): TActiveActor | null {
  return actor?.status === "ACTIVE" ? (actor as TActiveActor) : null;
}
