import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addPasskey } from "@/test/account-history";
import { createOwner } from "@/test/owners";
import { db } from "./client";
import { deletePasskey, listPasskeys } from "./passkeys";
import { authenticators } from "./schema";

describe("listPasskeys", () => {
  it("lists only the user's own passkeys", async () => {
    const me = await createOwner("keys");
    const other = await createOwner("other-keys");
    const phone = await addPasskey(me.id, "multiDevice", true);
    const key = await addPasskey(me.id);
    await addPasskey(other.id);
    const mine = await listPasskeys(me.id);
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining([
        { credentialId: phone, deviceType: "multiDevice", backedUp: true },
        { credentialId: key, deviceType: "singleDevice", backedUp: false },
      ]),
    );
    expect(await listPasskeys((await createOwner("keyless")).id)).toEqual([]);
  });
});

describe("deletePasskey", () => {
  it("removes one of the user's passkeys and says so", async () => {
    const me = await createOwner("remove");
    const gone = await addPasskey(me.id);
    const kept = await addPasskey(me.id);
    expect(await deletePasskey(me.id, gone)).toBe(true);
    expect((await listPasskeys(me.id)).map((p) => p.credentialId)).toEqual([kept]);
    expect(await deletePasskey(me.id, gone)).toBe(false);
  });

  it("deletes nothing with another user's credential id", async () => {
    const me = await createOwner("attacker");
    const victim = await createOwner("victim");
    const theirs = await addPasskey(victim.id);
    const mine = await addPasskey(me.id);
    expect(await deletePasskey(me.id, theirs)).toBe(false);
    expect(await db().select().from(authenticators).where(eq(authenticators.credentialID, theirs))).toHaveLength(1);
    expect((await listPasskeys(me.id)).map((p) => p.credentialId)).toEqual([mine]);
    expect(await deletePasskey(me.id, "")).toBe(false);
    expect(await deletePasskey(me.id, "%")).toBe(false);
    expect((await listPasskeys(victim.id)).map((p) => p.credentialId)).toEqual([theirs]);
  });
});
