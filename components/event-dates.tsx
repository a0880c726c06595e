/** A "yyyy-MM-dd" calendar day as a Date at UTC midnight; format it with timeZone "UTC". */
export function calendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
