"use client";
import { useMutation } from "@tanstack/react-query";
import { Loader2, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import type { MessageKey } from "@/lib/i18n/keys";
import { json, Refusal, refusalMessage, retry, retryDelay } from "./fetch-json";

/** Someone at the door who had not signed up: added and checked in, counted apart from the capacity. */
export function WalkInForm({ org, eventId, onAdded }: { org: string; eventId: string; onAdded: () => void }) {
  const t = useTranslations("attendees.dashboard.walkIn");
  const msg = useMessageText();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, MessageKey>>({});
  // What a field's message names: the limit of a name too long (lib/forms.ts issueMessages).
  const [named, setNamed] = useState<Record<string, Record<string, number>>>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (v: { name: string; email: string }) =>
      json<{ id: string }>(
        await fetch(`/api/orgs/${org}/events/${eventId}/walk-ins`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(v),
        }),
      ),
    retry,
    retryDelay,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const v = { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? "") };
    setErrors({});
    setFormError(null);
    add.mutate(v, {
      onSuccess: () => {
        setAdded(v.name);
        form.reset();
        onAdded();
      },
      onError: (err) => {
        const body = err instanceof Refusal ? err.body : null;
        setNamed(body?.messageValues ?? {});
        if (body?.fieldErrors) setErrors(body.fieldErrors);
        else setFormError(refusalMessage(err));
      },
    });
  };
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3">
      {added ? (
        <p role="status" className="mb-2 text-sm text-green-800 [overflow-wrap:anywhere]">
          {t("added", { name: added })}
        </p>
      ) : null}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} className="flex min-h-11 items-center gap-2 text-left font-medium text-brand-700">
          <UserPlus aria-hidden className="size-5 shrink-0" />
          {t("open")}
        </button>
      ) : (
        <form onSubmit={submit} className="space-y-3" noValidate>
          {formError ? <Alert tone="error">{msg(formError)}</Alert> : null}
          <p className="text-sm text-stone-600">{t("outsideCapacity")}</p>
          <TextField name="name" label={t("name")} required autoComplete="off" error={msg(errors.name, named.name)} />
          <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} autoComplete="off" error={msg(errors.email, named.email)} />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={add.isPending}
              className="inline-flex min-h-11 items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white"
            >
              {add.isPending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <UserPlus aria-hidden className="size-4" />}
              {t("submit")}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="min-h-11 rounded-md px-3 text-sm">
              {t("close")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
