// Matching every path keeps the slot in step on client-side navigation (a slot with no match
// would keep showing the header of the page before).
export { default } from "../default";
