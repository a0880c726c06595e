export type Role = "admin" | "organiser" | "gate";

export const organiserActions = [
  "manageMembers",
  "createEvent",
  "editEvent",
  "publishEvent",
  "cancelEvent",
  "readRoster",
  "changeRoster",
  "exportRoster",
  "readOwnerDetails",
  "checkIn",
  "manageMail",
  "managePayments",
] as const;
export type OrganiserAction = (typeof organiserActions)[number];

/** Who may do what in a club. db/ turns each row into the roles allowed in a WHERE clause. */
const allowed: Record<OrganiserAction, readonly Role[]> = {
  manageMembers: ["admin"],
  createEvent: ["admin", "organiser"],
  editEvent: ["admin", "organiser"],
  publishEvent: ["admin", "organiser"],
  cancelEvent: ["admin", "organiser"],
  readRoster: ["admin", "organiser", "gate"],
  changeRoster: ["admin", "organiser"],
  exportRoster: ["admin", "organiser"],
  // The owner's e-mail, the car's VIN and the second driver: the gate checks cars by name, plate
  // and plaque, so gate staff read the roster without them (and cannot search by them either).
  readOwnerDetails: ["admin", "organiser"],
  checkIn: ["admin", "organiser", "gate"],
  // The event's mail that could not be delivered: addresses and the servers' replies, and "Retry".
  manageMail: ["admin", "organiser"],
  // Prices, the bank account, who paid what, refunds: the treasurer's work, not the gate's.
  managePayments: ["admin", "organiser"],
};

export function rolesFor(action: OrganiserAction): Role[] {
  return [...allowed[action]];
}

export function can(role: Role | null | undefined, action: OrganiserAction): boolean {
  return !!role && allowed[action].includes(role);
}
