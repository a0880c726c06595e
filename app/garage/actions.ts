"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCar, deleteCar, updateCar } from "@/db/cars";
import { refuse } from "@/db/result";
import { idArg } from "@/lib/schemas/bound";
import { carFields, carSchema } from "@/lib/schemas/car";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { formAction } from "../action";

const carPage = (carId: string | null) => (carId ? `/garage/${carId}/edit` : "/garage/new");

export const saveCarAction = formAction(
  { bound: [idArg.nullable()], signIn: carPage, schema: () => carSchema(new Date().getFullYear()), fields: carFields },
  async ({ user, bound: [carId], form }, car) => {
    const written = carId ? await updateCar(user.id, carId, car) : await createCar(user.id, car);
    if (!written) return refuse("errors.carNotFound");
    if (!written.ok) return written;
    revalidatePath("/garage");
    redirect(safeCallbackPath(form.get("returnTo"), "/garage"));
  },
);

export const deleteCarAction = formAction({ bound: [idArg], signIn: carPage }, async ({ user, bound: [carId] }) => {
  const result = await deleteCar(user.id, carId);
  if (!result) return refuse("errors.carNotFound");
  if (!result.ok) return result;
  revalidatePath("/garage");
  redirect("/garage");
});
