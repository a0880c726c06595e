"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCar, deleteCar, updateCar } from "@/db/cars";
import type { FormResult } from "@/lib/form-result";
import { idArg } from "@/lib/schemas/bound";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { carFields, carSchema } from "@/lib/schemas/car";
import { boundArg, formArg, runFormAction } from "../action";
import { translateKeys } from "../form-errors";
import { currentUser } from "../session";

const schema = () => carSchema(new Date().getFullYear());

export async function saveCarAction(boundCarId: string | null, _prev: FormResult, formData: FormData): Promise<FormResult> {
  const form = formArg(formData);
  const carId = boundArg(idArg.nullable(), boundCarId);
  const returnTo = safeCallbackPath(form.get("returnTo"), "/garage");
  const result = await runFormAction(form, { schema: schema(), fields: carFields, returnTo: carId ? `/garage/${carId}/edit` : "/garage/new" }, async (user, car) => {
    const written = carId ? await updateCar(user.id, carId, car) : await createCar(user.id, car);
    if (written.ok) return { ok: true };
    if ("notFound" in written) return { ok: false, formError: (await translateKeys({ f: "errors.carNotFound" })).f };
    return { ok: false, fieldErrors: await translateKeys({ vin: written.error }), values: Object.fromEntries(carFields.map((f) => [f, String(form.get(f) ?? "")])) };
  });
  if (!result.ok) return result;
  revalidatePath("/garage");
  redirect(returnTo);
}

export async function deleteCarAction(boundCarId: string, _prev: FormResult, _formData: FormData): Promise<FormResult> {
  const carId = boundArg(idArg, boundCarId);
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=/garage/${carId}/edit`);
  const result = await deleteCar(user.id, carId);
  if (!result.ok) {
    const key = result.reason === "upcomingRegistration" ? "errors.carHasUpcomingRegistration" : "errors.carNotFound";
    return { ok: false, formError: (await translateKeys({ f: key })).f };
  }
  revalidatePath("/garage");
  redirect("/garage");
}
