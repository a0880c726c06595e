/**
 * A UUID in its text form. Ids from a URL or a form are checked with this before they reach a
 * uuid column: Postgres answers a malformed one with an error (a 500), not with "no such row".
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
