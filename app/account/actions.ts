"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { beginTotp, confirmTotp, removeFactor, renewRecoveryCodes } from "@/lib/accounts/factors";
import { changePassword, checkOwnPassword } from "@/lib/accounts/password";
import { addPasskey, beginPasskey, PASSKEY_NAME_MAX } from "@/lib/accounts/passkeys";
import { changePasswordSchema, codeSchema } from "@/lib/accounts/schemas";
import { endOtherSessions, endOwnSession } from "@/lib/accounts/sessions";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";

const id = z.object({ id: z.uuid() });
const password = z.object({ currentPassword: z.string().min(1, "validation.required").max(512) });

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(changePasswordSchema, formData, async (data) => {
    await changePassword(await getActor(), data.currentPassword, data.password);
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.password.changed" };
  });
}

export async function beginTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({}), formData, async () => {
    await beginTotp(await getActor());
    redirect("/account?setup=totp#two-step");
  });
}

export async function confirmTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(codeSchema, formData, async ({ code }) => {
    const { recoveryCodes } = await confirmTotp(await getActor(), code);
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.totp.added", data: recoveryCodes ? { codes: recoveryCodes.join(" ") } : undefined };
  });
}

export async function removeFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(id.extend(password.shape), formData, async (data) => {
    const actor = await getActor();
    await checkOwnPassword(actor, data.currentPassword);
    await removeFactor(actor, data.id);
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.factors.removed" };
  });
}

export async function renewRecoveryCodesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(password, formData, async (data) => {
    const actor = await getActor();
    await checkOwnPassword(actor, data.currentPassword);
    const codes = await renewRecoveryCodes(actor);
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.recovery.renewed", data: { codes: codes.join(" ") } };
  });
}

export async function endOtherSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({}), formData, async () => {
    const n = await endOtherSessions(await getActor());
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.sessions.endedOthers", data: { count: String(n) } };
  });
}

export async function endSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(id, formData, async (data) => {
    await endOwnSession(await getActor(), data.id);
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.sessions.ended" };
  });
}

/** What the browser needs to create a passkey; called by the account page's script (passkeys need JavaScript). */
export async function beginPasskeyAction(): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  const actor = await getActor();
  return actor ? beginPasskey(actor) : null;
}

const passkeySchema = z.object({
  // The browser's answer, checked by lib (an empty or unreadable one is refused there with one message).
  response: z.string().max(20_000).default(""),
  name: z.string().trim().max(PASSKEY_NAME_MAX, "validation.tooLong").optional(),
});

export async function addPasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(passkeySchema, formData, async (data) => {
    const { recoveryCodes } = await addPasskey(await getActor(), data.response, data.name ?? "");
    revalidatePath("/account");
    return { status: "ok", messageKey: "account.passkey.added", data: recoveryCodes ? { codes: recoveryCodes.join(" ") } : undefined };
  });
}
