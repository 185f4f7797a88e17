import { useTranslations } from "next-intl";
import { ConfirmedActionForm } from "@/components/signups/manage-forms";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useFormFields } from "@/components/ui/form-fields";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { HostPageData } from "@/lib/hosts/pages";
import { idle, type FormState } from "@/lib/forms";
import { instantToZonedLocal } from "@/lib/time/zones";

// The host page's forms: plain posts to app/(public)/h/[token]/[change]/route.ts.

/** Time, place within the city and description: what a host may change. The zone and the city stay. */
export function HostEditForm({
  action,
  state = idle,
  event,
}: {
  action: string;
  state?: FormState;
  event: Extract<HostPageData, { state: "approved" }>["event"];
}) {
  const t = useTranslations("hosts.page");
  const { field } = useFormFields(state, {
    values: {
      startsLocal: instantToZonedLocal(event.startsAt, event.timeZone),
      endsLocal: instantToZonedLocal(event.endsAt, event.timeZone),
      venue: event.venue,
      address: event.address,
      description: event.description,
    },
  });
  return (
    <form method="post" action={action} className="space-y-4" noValidate>
      <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field("startsLocal")} type="datetime-local" required label={t("starts", { zone: event.timeZone })} />
        <TextField {...field("endsLocal")} type="datetime-local" required label={t("ends", { zone: event.timeZone })} />
      </div>
      <TextField {...field("venue")} maxLength={200} label={t("venue")} />
      <TextField {...field("address")} maxLength={300} label={t("address")} />
      <TextAreaField {...field("description")} rows={5} maxLength={5000} label={t("description")} />
      <p className="text-sm text-stone-600">{t("editNote")}</p>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}

/** Cancelling, behind a disclosure; everyone signed up is told. */
export function HostCancelForm({ action, state = idle }: { action: string; state?: FormState }) {
  const t = useTranslations("hosts.page");
  return (
    <ConfirmedActionForm
      action={action}
      state={state}
      summary={t("cancel")}
      explanation={t("cancelExplained")}
      confirmLabel={t("cancelConfirm")}
      pendingLabel={t("cancelling")}
    />
  );
}
