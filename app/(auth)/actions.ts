"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password";
import { confirmRegistration, requestRegistration } from "@/lib/accounts/registration";
import { loginSchema, registerSchema, resetRequestSchema, resetSchema } from "@/lib/accounts/schemas";
import { handleForm } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth/config";
import { getAuthSecret } from "@/lib/auth/secret";
import { safeReturnPath } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { clientKey } from "@/lib/security/client";

const next = z.object({ next: z.string().max(500).optional() });

const LOGIN_MESSAGES: Record<string, string> = {
  rate_limited: "auth.login.rateLimited",
  code_required: "auth.login.codeRequired",
  wrong_code: "auth.login.wrongCode",
};

async function signInOrExplain(email: string, password: string, code: string | undefined, redirectTo: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, code: code ?? "", redirectTo });
    return { status: "ok" };
  } catch (e) {
    if (e instanceof AuthError) {
      const reason = e instanceof CredentialsSignin ? e.code : "invalid";
      const formError = LOGIN_MESSAGES[reason] ?? "auth.login.invalid";
      return { status: "error", fieldErrors: {}, formError, values: { email } };
    }
    throw e;
  }
}

async function client(): Promise<string> {
  return clientKey(new Headers(await headers()), getAuthSecret());
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(loginSchema.extend(next.shape), formData, (data) => signInOrExplain(data.email, data.password, data.code, safeReturnPath(data.next)));
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
