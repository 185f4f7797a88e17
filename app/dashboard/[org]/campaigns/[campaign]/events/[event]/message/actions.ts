"use server";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { previewAttendeeMessage, sendAttendeeMessage } from "@/lib/mail/attendee-messages";
import { isSmtpConfigured } from "@/lib/mail/mailbox";
import { attendeeMessageSchema } from "@/lib/mail/schemas";

// A public endpoint like any action: the event id only says which event; the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const messageForm = attendeeMessageSchema.extend({
  org: slug,
  eventId: z.uuid("errors.notFound"),
  // "Preview" is a second submit button; the send button (or its confirmation) says "send".
  intent: z.enum(["preview", "send"]).catch("send"),
});

/** Preview: the count and the text, with the typed values kept. Send: the count, and a fresh form. */
export async function attendeeMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(messageForm, formData, async ({ org, eventId, intent, ...input }): Promise<FormState> => {
    const actor = await getActor();
    if (intent === "preview") {
      const preview = await previewAttendeeMessage(actor, eventId, input, await getLocale());
      return {
        status: "ok",
        data: {
          intent: "preview",
          count: String(preview.count),
          previewSubject: preview.subject,
          previewText: preview.text,
          subject: input.subject,
          body: input.body,
          audience: input.audience,
          role: input.role ?? "",
          nonce: input.nonce,
        },
      };
    }
    const sent = await sendAttendeeMessage(actor, eventId, input);
    revalidatePath(`/dashboard/${org}/mailbox`);
    revalidatePath(`/dashboard/${org}/exports`);
    // Only what happened: without mail set up the message is kept, not sent.
    const done = sent.repeated ? "attendeeMessages.repeated" : isSmtpConfigured() ? "attendeeMessages.sent" : "attendeeMessages.held";
    return { status: "ok", messageKey: done, data: { intent: "sent", count: String(sent.count), nonce: randomUUID() } };
  });
}
