import { z } from "zod";
import { uuid } from "./fields";

/** "Offer transfer": the new owner's address. */
export const transferOfferSchema = z.object({
  email: z
    .string({ error: "payments.errors.transferEmail" })
    .trim()
    .toLowerCase()
    .max(254, "payments.errors.transferEmail")
    .pipe(z.email("payments.errors.transferEmail")),
});

/** "Accept transfer": the recipient's car that takes the place. */
export const transferAcceptSchema = z.object({ carId: uuid("payments.errors.chooseCar") });
