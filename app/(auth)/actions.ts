"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { registerAccount } from "@/lib/accounts/accounts";
import { loginSchema, registerSchema } from "@/lib/accounts/schemas";
import { handleForm } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";

const next = z.object({ next: z.string().max(500).optional() });

async function signInOrExplain(email: string, password: string, redirectTo: string): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return { status: "ok" };
  } catch (e) {
    if (e instanceof AuthError) {
      const code = e instanceof CredentialsSignin ? e.code : "invalid";
      return {
        status: "error",
        fieldErrors: {},
        formError: code === "rate_limited" ? "auth.login.rateLimited" : "auth.login.invalid",
        values: { email },
      };
    }
    throw e;
  }
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(loginSchema.extend(next.shape), formData, (data) =>
    signInOrExplain(data.email, data.password, safeReturnPath(data.next)),
  );
}

export async function register(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(registerSchema.extend(next.shape), formData, async (data) => {
    await registerAccount(data);
    return signInOrExplain(data.email, data.password, safeReturnPath(data.next, "/dashboard"));
  });
}

export async function logout() {
  await signOut({ redirectTo: "/login?loggedOut=1" });
}
