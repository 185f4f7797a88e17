"use client";
import { keepPreviousData, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudOff, Loader2, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useMessageText } from "@/components/ui/message";
import { CheckInRow, type DoorRow } from "./check-in-row";
import { json, refusalMessage, retry, retryDelay } from "./fetch-json";
import { attendeeKeys, checkInMutationKey } from "./query-keys";
import { UndoCheckInDialog } from "./undo-check-in-dialog";
import { WalkInForm } from "./walk-in-form";

interface ListResponse {
  total: number;
  counts: { confirmed: number; waitlisted: number; checkedIn: number; outsideCapacity: number; capacity: number | null };
  rows: DoorRow[];
}
interface CheckInVars {
  id: string;
  name: string;
  checkedIn: boolean;
}

/** The state of one row after a tap, and what it does to the counts (someone from the waitlist who comes is confirmed). */
function applyTap(old: ListResponse, v: CheckInVars, now: string): ListResponse {
  const row = old.rows.find((r) => r.id === v.id);
  if (!row || (row.checkedInAt !== null) === v.checkedIn) return old;
  const fromWaitlist = v.checkedIn && row.status === "waitlisted";
  const backToWaitlist = !v.checkedIn && row.status === "confirmed" && row.outsideCapacity && !row.walkIn;
  const sign = v.checkedIn ? 1 : -1;
  const moved = fromWaitlist ? 1 : backToWaitlist ? -1 : 0;
  return {
    ...old,
    counts: {
      ...old.counts,
      checkedIn: old.counts.checkedIn + sign,
      confirmed: old.counts.confirmed + moved,
      waitlisted: old.counts.waitlisted - moved,
      outsideCapacity: old.counts.outsideCapacity + moved,
    },
    rows: old.rows.map((r) =>
      r.id === v.id
        ? {
            ...r,
            checkedInAt: v.checkedIn ? now : null,
            status: fromWaitlist ? "confirmed" : backToWaitlist ? "waitlisted" : r.status,
            outsideCapacity: fromWaitlist ? true : backToWaitlist ? false : r.outsideCapacity,
          }
        : r,
    ),
  };
}

/**
 * The door: everyone expected (confirmed, and the waitlist, marked), searchable, names in full. A tap checks in
 * and offers to undo for a few seconds; undoing later asks first. The count stays in sight at the top.
 */
export function CheckIn({
  org,
  eventId,
  shift = "",
}: {
  org: string;
  eventId: string;
  /** An event split into shifts: the door of one shift. */ shift?: string;
}) {
  const t = useTranslations("attendees.dashboard.checkIn");
  const msg = useMessageText();
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [asking, setAsking] = useState<DoorRow | null>(null);
  const [toast, setToast] = useState<{ id: string; name: string; checkedIn: boolean; seq: number } | null>(null);
  const query = useDeferredValue(q.trim());
  const list = useQuery({
    queryKey: attendeeKeys.checkIn(eventId, query, shift),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ view: "check-in", status: "expected", sort: "name", pageSize: "200", q: query, shift });
      return json<ListResponse>(await fetch(`/api/orgs/${org}/events/${eventId}/attendees?${params}`, { signal }));
    },
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
    staleTime: 2_000,
  });

  const checkIn = useMutation({
    mutationKey: checkInMutationKey,
    mutationFn: async (v: CheckInVars) =>
      json<{ id: string; checkedInAt: string | null }>(
        await fetch(`/api/orgs/${org}/signups/${v.id}/check-in`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ checkedIn: v.checkedIn }),
        }),
      ),
    retry,
    retryDelay,
    networkMode: "always",
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: attendeeKeys.event(eventId) });
      const now = new Date().toISOString();
      client.setQueriesData<ListResponse>({ queryKey: attendeeKeys.event(eventId) }, (old) => (old ? applyTap(old, v, now) : old));
    },
    onSettled: () => client.invalidateQueries({ queryKey: attendeeKeys.event(eventId) }),
  });
  const tap = (v: CheckInVars) => {
    checkIn.mutate(v);
    setToast((old) => ({ id: v.id, name: v.name, checkedIn: v.checkedIn, seq: (old?.seq ?? 0) + 1 }));
  };

  // The undo offer stays a few seconds, long enough to notice a wrong tap.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 8_000);
    return () => clearTimeout(timer);
  }, [toast]);

  // Rows whose change has not reached the server yet (retrying on a flaky connection).
  const pending = useMutationState({ filters: { mutationKey: checkInMutationKey, status: "pending" }, select: (m) => (m.state.variables as CheckInVars).id });
  const failed = useMutationState({ filters: { mutationKey: checkInMutationKey, status: "error" }, select: (m) => refusalMessage(m.state.error) });

  const data = list.data;
  const counts = data?.counts;
  return (
    <div className="space-y-4 pb-24">
      <WalkInForm org={org} eventId={eventId} onAdded={() => client.invalidateQueries({ queryKey: attendeeKeys.event(eventId) })} />
      {counts ? (
        <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur">
          <p className="text-lg font-semibold" data-testid="checked-in-count" aria-live="polite">
            {t("progress", { checkedIn: counts.checkedIn, confirmed: counts.confirmed })}
          </p>
          {counts.waitlisted > 0 || counts.outsideCapacity > 0 ? (
            <p className="text-sm text-stone-700" data-testid="door-counts">
              {[
                counts.waitlisted > 0 ? t("waitlistedCount", { count: counts.waitlisted }) : null,
                counts.outsideCapacity > 0 ? t("outsideCapacity", { count: counts.outsideCapacity }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          ) : null}
        </div>
      ) : null}
      {pending.length ? (
        <p className="flex items-center gap-2 rounded-md bg-amber-100 px-3 py-2 text-sm font-medium text-amber-900" role="status" data-testid="unsaved">
          <CloudOff aria-hidden className="size-4 shrink-0" />
          {t("unsaved", { count: pending.length })}
        </p>
      ) : null}
      {failed.length ? <Alert tone="error">{msg(failed[failed.length - 1])}</Alert> : null}
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
          {data.rows.map((r) => (
            <li key={r.id}>
              <CheckInRow
                row={r}
                saving={pending.includes(r.id)}
                onTap={() => (r.checkedInAt === null ? tap({ id: r.id, name: r.name, checkedIn: true }) : setAsking(r))}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.total > data.rows.length ? <p className="text-sm text-stone-600">{t("more", { shown: data.rows.length, total: data.total })}</p> : null}
      <UndoCheckInDialog
        row={asking}
        onClose={() => setAsking(null)}
        onConfirm={(r) => {
          setAsking(null);
          tap({ id: r.id, name: r.name, checkedIn: false });
        }}
      />
      {toast && counts ? (
        <div className="fixed inset-x-0 bottom-0 z-30 p-3" key={toast.seq}>
          <div
            role="status"
            data-testid="check-in-toast"
            className="mx-auto flex max-w-xl items-center gap-3 rounded-lg bg-stone-900 px-4 py-3 text-white shadow-lg"
          >
            <p className="min-w-0 flex-1 break-words text-sm">
              {t(toast.checkedIn ? "toastCheckedIn" : "toastUndone", { name: toast.name })}{" "}
              <span className="font-semibold">{t("progress", { checkedIn: counts.checkedIn, confirmed: counts.confirmed })}</span>
            </p>
            {toast.checkedIn ? (
              <button
                type="button"
                onClick={() => tap({ id: toast.id, name: toast.name, checkedIn: false })}
                className="min-h-11 shrink-0 rounded-md px-3 font-semibold text-amber-300 underline"
              >
                {t("undo")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
