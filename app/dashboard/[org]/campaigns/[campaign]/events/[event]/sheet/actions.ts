"use server";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import { signInSheet, type SheetRow } from "@/lib/exports/sheet";
import type { FormState } from "@/lib/forms";
import { getOrganisation } from "@/lib/orgs/orgs";

// A public endpoint like any action: the ids only say which event; the lib call checks who may see its list.
const sheetTarget = z.object({ org: z.string().trim().min(1).max(60), eventId: z.uuid() });

type Shown = { status: "shown"; rows: SheetRow[] };
export type SheetState = FormState | Shown;

/**
 * The sign-in sheet's names, asked for with a POST: each showing is a copy of personal data, recorded in the
 * export log, so a link, a prefetch or a reload of the page never makes one.
 */
export async function showSignInSheetAction(_prev: SheetState, formData: FormData): Promise<SheetState> {
  return handleForm<typeof sheetTarget, Shown>(sheetTarget, formData, async ({ org, eventId }) => {
    const actor = await getActor();
    const { id: orgId } = await getOrganisation(actor, org, "coordinator");
    const { rows } = await signInSheet(actor, eventId, orgId);
    return { status: "shown", rows };
  });
}
