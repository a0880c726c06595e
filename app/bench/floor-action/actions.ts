"use server";

import { notFound, redirect } from "next/navigation";
import { postAction } from "../../action";
import { benchFloorOn } from "./enabled";

/**
 * The framework's floor for a registration (`npm run bench -- framework-floor-action`): a server
 * action posted like the register form, through the same `postAction` checks (the form, the
 * signed-in session from Auth.js's database adapter), that then only redirects. Off (not found)
 * unless the process runs with RINGMEET_BENCH_FLOOR=1, as the benches start it.
 */
export const floorAction = postAction({ bound: [], signIn: () => "/bench/floor-action" }, async () => {
  if (!benchFloorOn()) notFound();
  redirect("/garage");
});
