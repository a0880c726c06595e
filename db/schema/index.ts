export * from "./auth";
export * from "./mail";
export * from "./clubs";
export * from "./events";
export * from "./cars";
export * from "./registrations";
export * from "./lottery";
export * from "./roster";
