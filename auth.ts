import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import Passkey from "next-auth/providers/passkey";
import { db } from "@/db/client";
import { accounts, authenticators, sessions, users, verificationTokens } from "@/db/schema";
import { reportingOutages } from "@/db/session-lookups";
import { recordSignIn } from "@/db/users";
import { env } from "@/env";
import { sendSignInLink } from "@/db/mail/sign-in";
import { mayPasskeySignIn } from "@/lib/passkey-policy";

export const SIGN_IN_LINK_MINUTES = 10;

// Lazy configuration: nothing touches the environment or the database until a request needs it,
// so `next build` runs without either.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  process.env.AUTH_URL ??= config.appUrl;
  return {
    // A session lookup that fails because the database is down is not "signed out" (db/session-lookups.ts).
    adapter: reportingOutages(
      DrizzleAdapter(db(), {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
        authenticatorsTable: authenticators,
      }),
    ),
    secret: config.authSecret,
    trustHost: true,
    // Secure, __Secure-/__Host- prefixed cookies whenever the public origin is https.
    useSecureCookies: config.appUrl.startsWith("https:"),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    experimental: { enableWebAuthn: true },
    logger: {
      // Auth.js warns on every request that WebAuthn is experimental; we know.
      warn: (code) => {
        if (code !== "experimental-webauthn") console.warn(`[auth][warn] ${code}`);
      },
    },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      Nodemailer({
        // Auth.js wants a server even when we deliver the mail ourselves (see sendSignInLink).
        server: config.smtpUrl ?? "smtp://localhost:25",
        from: config.mailFrom,
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        sendVerificationRequest: ({ identifier, url, request }) =>
          sendSignInLink({ to: identifier, authUrl: url, request }),
      }),
      Passkey({}),
    ],
    callbacks: {
      // A passkey signs in an existing account and never creates one: Auth.js hands over a user
      // without an id when it is about to (see app/api/auth/[...nextauth]/route.ts).
      signIn({ user, account }) {
        return mayPasskeySignIn(account?.type, user);
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (user.id) await recordSignIn(user.id, account?.provider ?? "unknown");
      },
    },
  };
});
