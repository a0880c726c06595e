import "server-only";
import { sql } from "drizzle-orm";

/** The owner's driver details as a registration copies them when it is made (lib/paperwork.ts DriverDetails). */
export const driverDetailsFromProfile = (userId: string) =>
  sql`(select jsonb_build_object('licenceNumber', u.licence_number, 'licenceCountry', u.licence_country,
    'licenceValidUntil', u.licence_valid_until::text, 'emergencyName', u.emergency_name, 'emergencyPhone', u.emergency_phone,
    'experience', u.experience::text) from users u where u.id = ${userId})`;
