// The matrix's columns: who asks. "owner" owns the scene's car and registration (and is the one
// invited to the club); "otherOwner" has a car and registration of their own in the same event.
export const ACTORS = ["anonymous", "owner", "otherOwner", "gate", "otherOrganiser", "organiser", "admin"] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_TITLES: Record<Actor, string> = {
  anonymous: "anonymous",
  owner: "owner",
  otherOwner: "another owner",
  gate: "gate staff",
  otherOrganiser: "organiser of another club",
  organiser: "organiser",
  admin: "admin",
};
