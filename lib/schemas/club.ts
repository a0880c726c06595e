import { z } from "zod";
import { publicName } from "./fields";
import { LIMITS } from "./limits";

/** A new club's form. */
export const clubSchema = z.object({ name: publicName(2, LIMITS.clubName, "errors.clubNameRequired") });

/** An admin's invitation of an address into the club, in a role. */
export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("errors.emailInvalid")),
  role: z.enum(["admin", "organiser", "gate"], { error: "errors.roleRequired" }),
});

/** A member's new role, or "remove". */
export const roleSchema = z.object({
  role: z.enum(["admin", "organiser", "gate", "remove"]),
  memberId: z.string().min(1).max(100),
});
