import { z } from "zod";
import { isSlug } from "../slug";
import { UUID_PATTERN } from "../uuid";

// What a page binds to a server action (`action.bind(null, slug)`) comes back from the browser
// like any field, and may be forged: these check its shape before it reaches a query.

export const slugArg = z.string().max(60).refine(isSlug);
export const idArg = z.string().regex(UUID_PATTERN);
/** A registration (or roster entry) and its event's slug, as the owner and roster pages bind them. */
export const refArg = z.strictObject({ id: idArg, slug: slugArg });
/** A parade grid: the event and one of its sessions. */
export const gridRefArg = z.strictObject({ slug: slugArg, sessionId: idArg });
/** An invitation's one-time token (24 random bytes, base64url). */
export const tokenArg = z.string().regex(/^[\w-]{32}$/);
/** A 1-based position in a list (a parade grid's rows). */
export const positionArg = z.number().int().min(1).max(5000);
