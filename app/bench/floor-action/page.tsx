import { notFound } from "next/navigation";
import { requireUser } from "../../session";
import { floorAction } from "./actions";
import { benchFloorOn } from "./enabled";

/**
 * The form the floor bench posts (app/bench/floor-action/actions.ts): no fields of its own, so a
 * POST costs what Next, React's action decoding and the session look-up cost, and the redirect.
 */
export default async function FloorActionPage() {
  if (!benchFloorOn()) notFound();
  await requireUser("/bench/floor-action");
  return (
    <main className="mx-auto max-w-md p-4">
      <form action={floorAction} data-bench="floor">
        <button type="submit" className="min-h-11 rounded-lg bg-accent px-4 text-white">
          Go
        </button>
      </form>
    </main>
  );
}
