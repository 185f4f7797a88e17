import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers as nextHeaders } from "next/headers";
import { authenticate } from "@/lib/accounts/accounts";
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
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
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
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) throw new InvalidLogin();
          const client = clientKey(await requestHeaders(request), secret);
          const result = await authenticate(parsed.data, client, secret);
          if (result.ok) return { id: result.account.id, name: result.account.name, email: result.account.email };
          if (result.reason === "rateLimited") throw new LoginRateLimited();
          throw new InvalidLogin();
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        return session;
      },
    },
  };
});
