import "server-only";
import { headers } from "next/headers";
import { env } from "@/env";
import { isLoopbackRequest } from "@/server/peer-address";

/**
 * The development mailbox shows working sign-in links: it answers only when it is on and the
 * request came from this machine (the loopback address of the connection, not a header a client
 * could send). Anything else gets the same 404 as when the mailbox is off.
 */
export async function mailboxAnswers(): Promise<boolean> {
  return env().devMailbox && isLoopbackRequest(await headers());
}
