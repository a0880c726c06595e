import { setLocaleAction, signOutAction } from "@/app/actions";
import type { HeaderActions } from "@/components/header-frame";

/** The header's two forms post to these; components/ gets them from here (it never imports app/). */
export const headerActions: HeaderActions = { signOut: signOutAction, setLocale: setLocaleAction };
