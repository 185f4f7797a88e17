import "server-only";
import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers as nextHeaders } from "next/headers";
import { authenticate } from "@/lib/accounts/accounts";
import { deviceName } from "@/lib/accounts/device";
import { createSession, deleteSession, sessionIsLive, SESSION_IDLE_SECONDS } from "@/lib/accounts/sessions";
import { loginSchema } from "@/lib/accounts/schemas";
import { clientKey } from "@/lib/security/client";
import { logFailure } from "@/lib/log";
import { getAuthSecret } from "./secret";

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}

export class LoginRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export class LoginCodeRequired extends CredentialsSignin {
  code = "code_required";
}

export class LoginWrongCode extends CredentialsSignin {
  code = "wrong_code";
}

const REFUSALS = { invalid: InvalidLogin, rateLimited: LoginRateLimited, codeRequired: LoginCodeRequired, wrongCode: LoginWrongCode } as const;

type SessionToken = { sub?: string; sid?: string } & Record<string, unknown>;

async function requestHeaders(request: Request | undefined): Promise<Headers> {
  if (request?.headers?.get("x-forwarded-for")) return request.headers;
  try {
    return new Headers(await nextHeaders());
  } catch {
    return request?.headers ?? new Headers();
  }
}

// The config is built per request, never at build time: AUTH_SECRET and the database are read lazily.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const secret = getAuthSecret();
  return {
    secret,
    trustHost: true,
    useSecureCookies: process.env.NODE_ENV === "production" && process.env.PICKET_INSECURE_COOKIES !== "1",
    // The cookie is a signed JWT naming a row of account_sessions, checked on every request (callbacks.jwt):
    // deleting the row ends the login at once, wherever its cookie is.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // A wrong password is an everyday event, not an error worth a stack trace.
    logger: {
      error(error: Error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        logFailure("sign-in failed", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {}, passkey: {} },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) throw new InvalidLogin();
          const headers = await requestHeaders(request);
          const result = await authenticate(parsed.data, clientKey(headers, secret), secret);
          if (!result.ok) throw new REFUSALS[result.reason]();
          const sessionId = await createSession(result.account.id, deviceName(headers.get("user-agent")), result.method);
          return { id: result.account.id, name: result.account.name, email: result.account.email, sessionId } as User;
        },
      }),
    ],
    events: {
      async signOut(message) {
        const sid = "token" in message ? (message.token as SessionToken | null)?.sid : undefined;
        if (typeof sid === "string") await deleteSession(sid);
      },
    },
    callbacks: {
      // At login the new session's id goes into the token; on every later request the session must still exist.
      async jwt({ token, user }) {
        const t = token as SessionToken;
        if (user?.id) {
          t.sub = user.id;
          t.sid = (user as User & { sessionId?: string }).sessionId;
          return t;
        }
        if (!t.sub || typeof t.sid !== "string" || !(await sessionIsLive(t.sid, t.sub))) return null;
        return t;
      },
      session({ session, token }) {
        const t = token as SessionToken;
        if (t.sub && session.user) session.user.id = t.sub;
        return Object.assign(session, { sessionId: t.sid });
      },
    },
  };
});
