"use server";
import type { MessageKey } from "@/lib/i18n/keys";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { passkeyLoginOptions } from "@/lib/accounts/passkeys";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password";
import { confirmRegistration, requestRegistration } from "@/lib/accounts/registration";
import { loginSchema, registerSchema, resetRequestSchema, resetSchema, type LoginInput } from "@/lib/accounts/schemas";
import { handleForm } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth/config";
import { getAuthSecret } from "@/lib/auth/secret";
import { safeReturnPath } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { clientKey } from "@/lib/security/client";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

const next = z.object({ next: z.string().max(500).optional() });

const LOGIN_MESSAGES: Record<string, MessageKey> = {
  rate_limited: "auth.login.rateLimited",
  code_required: "auth.login.codeRequired",
  wrong_code: "auth.login.wrongCode",
};

async function signInOrExplain(input: LoginInput, redirectTo: string): Promise<FormState> {
  const { email, password, code, passkey } = input;
  try {
    await signIn("credentials", { email, password, code: code ?? "", passkey: passkey ?? "", redirectTo });
    return { status: "ok" };
  } catch (e) {
    if (e instanceof AuthError) {
      const reason = e instanceof CredentialsSignin ? e.code : "invalid";
      const formError = reason === "wrong_code" && passkey ? "auth.login.wrongPasskey" : (LOGIN_MESSAGES[reason] ?? "auth.login.invalid");
      return { status: "error", fieldErrors: {}, formError, values: { email } };
    }
    throw e;
  }
}

async function client(): Promise<string> {
  return clientKey(new Headers(await headers()), getAuthSecret());
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(loginSchema.extend(next.shape), formData, (data) => signInOrExplain(data, safeReturnPath(data.next)));
}

/** A challenge for a passkey at login, for any account (the page does not say whose); null when asked too often. */
export async function passkeyLoginOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return passkeyLoginOptions(await client());
}

/** The same answer whether or not the address has an account: the next step is in the inbox either way. */
export async function register(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(registerSchema.extend(next.shape), formData, async (data) => {
    const returnTo = data.next ? safeReturnPath(data.next) : null;
    const result = await requestRegistration(data, await client(), await getLocale(), new Date(), returnTo);
    if (!result.ok) return { status: "error", fieldErrors: {}, formError: "account.register.rateLimited", values: { name: data.name, email: data.email } };
    redirect("/register/sent");
  });
}

export async function confirmRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ token: z.string().min(20).max(100) }), formData, async ({ token }) => {
    const { returnPath } = await confirmRegistration(token);
    redirect(returnPath ? `/login?registered=1&next=${encodeURIComponent(safeReturnPath(returnPath))}` : "/login?registered=1");
  });
}

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(resetRequestSchema, formData, async ({ email }) => {
    const result = await requestPasswordReset(email, await client(), await getLocale());
    if (!result.ok) return { status: "error", fieldErrors: {}, formError: "account.reset.rateLimited", values: { email } };
    return { status: "ok", messageKey: "account.reset.sent" };
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(resetSchema, formData, async ({ token, password }) => {
    await resetPassword(token, password);
    redirect("/login?reset=1");
  });
}

export async function logout() {
  await signOut({ redirectTo: "/login?loggedOut=1" });
}
