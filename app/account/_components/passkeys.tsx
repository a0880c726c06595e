"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/webauthn";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { Passkey } from "@/db/passkeys";
import { removePasskeyAction } from "../actions";

export function Passkeys({ passkeys }: { passkeys: Passkey[] }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [status, setStatus] = useState<"idle" | "busy" | "added" | "failed">("idle");
  async function add() {
    setStatus("busy");
    try {
      // Auth.js's client resolves without a result when the server refuses the options.
      const result: { ok: boolean; error?: string | null } | undefined = await signIn("passkey", {
        action: "register",
        redirect: false,
      });
      if (!result?.ok || result.error) throw new Error(result?.error ?? "refused");
      setStatus("added");
      router.refresh();
    } catch {
      setStatus("failed");
    }
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-base text-muted">{t("passkeysIntro")}</p>
      {passkeys.length === 0 ? <p className="text-base">{t("noPasskeys")}</p> : null}
      <ul className="flex flex-col gap-2" aria-label={t("passkeys")}>
        {passkeys.map((p, i) => (
          <li
            key={p.credentialId}
            className="flex items-center justify-between gap-3 rounded-lg border border-line px-3 py-2"
          >
            <span className="text-base">
              {t("passkeyLabel", { number: i + 1 })} · {p.backedUp ? t("synced") : t("thisDevice")}
            </span>
            <form action={removePasskeyAction}>
              <input type="hidden" name="credentialId" value={p.credentialId} />
              <Button type="submit" variant="ghost" aria-label={t("removePasskeyNamed", { number: i + 1 })}>
                {t("removePasskey")}
              </Button>
            </form>
          </li>
        ))}
      </ul>
      {status === "added" ? (
        <Notice tone="success" role="status">
          {t("passkeyAdded")}
        </Notice>
      ) : null}
      {status === "failed" ? (
        <Notice tone="danger" role="alert">
          {t("passkeyFailed")}
        </Notice>
      ) : null}
      <Button variant="secondary" onClick={add} disabled={status === "busy"} className="self-start">
        {t("addPasskey")}
      </Button>
    </div>
  );
}
