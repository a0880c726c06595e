import { describe, expect, it } from "vitest";
import { can, organiserActions, rolesFor, type OrganiserAction, type Role } from "./roles";

// The whole permission table, written out: a change to lib/roles.ts has to change this too.
const table: Record<OrganiserAction, Record<Role, boolean>> = {
  manageMembers: { admin: true, organiser: false, gate: false },
  createEvent: { admin: true, organiser: true, gate: false },
  editEvent: { admin: true, organiser: true, gate: false },
  publishEvent: { admin: true, organiser: true, gate: false },
  cancelEvent: { admin: true, organiser: true, gate: false },
  readRoster: { admin: true, organiser: true, gate: true },
  changeRoster: { admin: true, organiser: true, gate: false },
  exportRoster: { admin: true, organiser: true, gate: false },
  readOwnerDetails: { admin: true, organiser: true, gate: false },
  checkIn: { admin: true, organiser: true, gate: true },
  manageMail: { admin: true, organiser: true, gate: false },
  managePayments: { admin: true, organiser: true, gate: false },
};
const roles: Role[] = ["admin", "organiser", "gate"];

describe("the permission table", () => {
  it("names every action exactly once", () => {
    expect([...organiserActions].sort()).toEqual(Object.keys(table).sort());
  });

  it.each(organiserActions.flatMap((action) => roles.map((role) => [action, role, table[action][role]] as const)))(
    "%s by %s → %s",
    (action, role, allowed) => {
      expect(can(role, action)).toBe(allowed);
      expect(rolesFor(action).includes(role)).toBe(allowed);
    },
  );

  it("lets an admin do everything and an organiser everything but manage members", () => {
    expect(organiserActions.filter((a) => !can("admin", a))).toEqual([]);
    expect(organiserActions.filter((a) => !can("organiser", a))).toEqual(["manageMembers"]);
  });

  it("lets the gate only read the roster and check cars in", () => {
    expect(organiserActions.filter((a) => can("gate", a))).toEqual(["readRoster", "checkIn"]);
  });

  it.each([null, undefined])("lets no role (%s) do anything", (role) => {
    expect(organiserActions.filter((a) => can(role, a))).toEqual([]);
  });

  it("hands out a copy, so a caller cannot widen the table", () => {
    rolesFor("manageMembers").push("gate");
    expect(rolesFor("manageMembers")).toEqual(["admin"]);
    expect(can("gate", "manageMembers")).toBe(false);
  });
});
