"use client";
import { keepPreviousData, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, CloudOff, Loader2, Search, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/message";
import { attendeeKeys, checkInMutationKey } from "./query-keys";

interface Row {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  walkIn: boolean;
  checkedInAt: string | null;
}
interface ListResponse {
  total: number;
  counts: { confirmed: number; checkedIn: number; capacity: number | null };
  rows: Row[];
}
interface CheckInVars {
  id: string;
  checkedIn: boolean;
}

async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({ error: "errors.generic" }));
  if (!res.ok) throw Object.assign(new Error(body.error ?? "errors.generic"), { status: res.status, body });
  return body as T;
}

// Retry network failures and server errors with growing pauses; a refusal (4xx) is final.
const retry = (failures: number, error: unknown) => failures < 8 && !((error as { status?: number }).status! >= 400 && (error as { status?: number }).status! < 500);
const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/** The door: a large-target list with search; tap to check in, tap again to undo; walk-ins at the top. */
export function CheckIn({ org, eventId }: { org: string; eventId: string }) {
  const t = useTranslations("attendeesUI.checkIn");
  const msg = useMessageText();
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const query = useDeferredValue(q.trim());
  const key = attendeeKeys.checkIn(eventId, query);
  const list = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) =>
      json<ListResponse>(
        await fetch(`/api/orgs/${org}/events/${eventId}/attendees?view=check-in&status=confirmed&sort=name&pageSize=200&q=${encodeURIComponent(query)}`, { signal }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
    staleTime: 2_000,
  });

  const checkIn = useMutation({
    mutationKey: checkInMutationKey,
    mutationFn: async (v: CheckInVars) =>
      json<{ id: string; checkedInAt: string | null }>(
        await fetch(`/api/orgs/${org}/signups/${v.id}/check-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ checkedIn: v.checkedIn }) }),
      ),
    retry,
    retryDelay,
    networkMode: "always",
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: attendeeKeys.event(eventId) });
      const now = new Date().toISOString();
      client.setQueriesData<ListResponse>({ queryKey: attendeeKeys.event(eventId) }, (old) =>
        old ? { ...old, rows: old.rows.map((r) => (r.id === v.id ? { ...r, checkedInAt: v.checkedIn ? (r.checkedInAt ?? now) : null } : r)) } : old,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: attendeeKeys.event(eventId) }),
  });

  // Rows whose change has not reached the server yet (retrying on a flaky connection).
  const pending = useMutationState({ filters: { mutationKey: checkInMutationKey, status: "pending" }, select: (m) => (m.state.variables as CheckInVars).id });
  const failed = useMutationState({ filters: { mutationKey: checkInMutationKey, status: "error" }, select: (m) => m.state.error?.message });

  const data = list.data;
  return (
    <div className="space-y-4">
      <WalkInForm org={org} eventId={eventId} onAdded={() => client.invalidateQueries({ queryKey: attendeeKeys.event(eventId) })} />
      {data ? (
        <p className="text-lg font-semibold" data-testid="checked-in-count" aria-live="polite">
          {t("progress", { checkedIn: data.counts.checkedIn, confirmed: data.counts.confirmed })}
        </p>
      ) : null}
      {pending.length ? (
        <p className="flex items-center gap-2 rounded-md bg-amber-100 px-3 py-2 text-sm font-medium text-amber-900" role="status" data-testid="unsaved">
          <CloudOff aria-hidden className="size-4" />
          {t("unsaved", { count: pending.length })}
        </p>
      ) : null}
      {failed.length ? <Alert tone="error">{msg(failed[failed.length - 1] ?? "errors.generic")}</Alert> : null}
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-stone-500" />
        <label htmlFor="check-in-search" className="sr-only">
          {t("search")}
        </label>
        <input
          id="check-in-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("search")}
          className="block min-h-12 w-full rounded-md border border-stone-300 bg-white py-2 pl-10 pr-3 text-base"
        />
      </div>
      {list.isError && !data ? <Alert tone="error">{t("loadFailed")}</Alert> : null}
      {!data && list.isPending ? (
        <p className="flex items-center gap-2 text-stone-600">
          <Loader2 aria-hidden className="size-4 animate-spin" />
          {t("loading")}
        </p>
      ) : null}
      {data && data.rows.length === 0 ? <p className="text-stone-600">{query ? t("noMatch") : t("empty")}</p> : null}
      {data ? (
        <ul className="space-y-2" data-testid="check-in-list">
          {data.rows.map((r) => {
            const checked = r.checkedInAt !== null;
            const saving = pending.includes(r.id);
            return (
              <li key={r.id}>
                <button
                  type="button"
                  aria-pressed={checked}
                  data-testid="check-in-row"
                  onClick={() => checkIn.mutate({ id: r.id, checkedIn: !checked })}
                  className={`flex min-h-16 w-full items-center gap-3 rounded-lg border px-4 py-3 text-left transition-colors ${checked ? "border-green-600 bg-green-50" : "border-stone-300 bg-white hover:bg-stone-50"}`}
                >
                  <span className={`flex size-8 shrink-0 items-center justify-center rounded-full border-2 ${checked ? "border-green-700 bg-green-700 text-white" : "border-stone-400"}`}>
                    {checked ? <Check aria-hidden className="size-5" /> : null}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-lg font-medium">{r.name}</span>
                    <span className="block truncate text-sm text-stone-600">{[r.role, r.walkIn ? t("walkIn") : null, r.email].filter(Boolean).join(" · ")}</span>
                  </span>
                  <span className="text-sm font-medium">
                    {saving ? <span className="text-amber-800">{t("notSaved")}</span> : checked ? <span className="text-green-800">{t("checkedIn")}</span> : <span className="text-stone-600">{t("tapToCheckIn")}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {data && data.total > data.rows.length ? <p className="text-sm text-stone-600">{t("more", { shown: data.rows.length, total: data.total })}</p> : null}
    </div>
  );
}

function WalkInForm({ org, eventId, onAdded }: { org: string; eventId: string; onAdded: () => void }) {
  const t = useTranslations("attendeesUI.walkIn");
  const msg = useMessageText();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (v: { name: string; email: string }) =>
      json<{ id: string }>(await fetch(`/api/orgs/${org}/events/${eventId}/walk-ins`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(v) })),
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
        const body = (err as { body?: { fieldErrors?: Record<string, string>; field?: string; error?: string } }).body;
        if (body?.fieldErrors) setErrors(body.fieldErrors);
        else if (body?.field && body.error) setErrors({ [body.field]: body.error });
        else setFormError((err as Error).message);
      },
    });
  };
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3">
      {added ? (
        <p role="status" className="mb-2 text-sm text-green-800">
          {t("added", { name: added })}
        </p>
      ) : null}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} className="flex min-h-11 items-center gap-2 font-medium text-brand-700">
          <UserPlus aria-hidden className="size-5" />
          {t("open")}
        </button>
      ) : (
        <form onSubmit={submit} className="space-y-3" noValidate>
          {formError ? <Alert tone="error">{msg(formError)}</Alert> : null}
          <TextField name="name" label={t("name")} required autoComplete="off" error={msg(errors.name)} />
          <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} autoComplete="off" error={msg(errors.email)} />
          <div className="flex gap-2">
            <button type="submit" disabled={add.isPending} className="inline-flex min-h-11 items-center gap-2 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
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
