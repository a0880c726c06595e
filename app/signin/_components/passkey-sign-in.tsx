"use client";

import { signIn } from "next-auth/webauthn";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";

/** Needs JavaScript (WebAuthn is a browser API); the e-mail link is always the fallback. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          setFailed(false);
          try {
            await signIn("passkey", { redirectTo: callbackUrl });
          } catch {
            setFailed(true);
          }
        }}
      >
        {t("passkey")}
      </Button>
      <FieldError error={failed ? t("passkeyFailed") : undefined} />
    </div>
  );
}
