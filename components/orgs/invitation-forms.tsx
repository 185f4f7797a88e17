"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { LanguageSelect } from "@/components/ui/language-select";
import { useMessageText } from "@/components/ui/message";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { useForm } from "@/components/ui/use-form";
import { idle, type FormAction, type FormState } from "@/lib/forms";
import { ROLES } from "@/lib/orgs/roles";
import { FormError } from "@/components/ui/form-error";

export function CreateInvitationForm({ action, org, mailWorks = true }: { action: FormAction; org: string; mailWorks?: boolean }) {
  const t = useTranslations("invitations.create");
  const tr = useTranslations("roles");
  const tm = useTranslations("invitationMail");
  const locale = useLocale();
  const { state, formAction, field, value } = useForm(action);
  // An owner's invitation is bound to the invited address: for an owner the address is not optional. The role
  // shown is the one chosen since the last answer, else the one the answer kept (the form resets to it).
  const [chosen, setChosen] = useState<{ after: FormState; role: string } | null>(null);
  const kept = value("role") ?? "coordinator";
  const forOwner = (chosen?.after === state ? chosen.role : kept) === "owner";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={org} />
      <FormError state={state} />
      {state.status === "ok" && state.data?.link ? (
        <Alert tone="success" title={t("created")}>
          <p>{t("linkHelp")}</p>
          {state.data.emailedTo ? <p data-testid="invitation-emailed">{tm("emailed", { email: state.data.emailedTo })}</p> : null}
          {state.data.heldFor ? <p data-testid="invitation-held">{tm("held", { email: state.data.heldFor })}</p> : null}
          <input
            readOnly
            id="invitation-link"
            aria-label={t("link")}
            data-testid="invitation-link"
            value={state.data.link}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-2 w-full rounded border border-green-400 bg-white px-2 py-1 font-mono text-xs"
          />
          <div className="mt-2">
            <CopyButton value={state.data.link} targetId="invitation-link" label={t("copy")} copiedLabel={t("copied")} />
          </div>
        </Alert>
      ) : null}
      <SelectField
        {...field("role")}
        required
        label={t("role")}
        hint={t("roleHint")}
        defaultValue={kept}
        onChange={(e) => setChosen({ after: state, role: e.target.value })}
      >
        <Options values={ROLES} label={(r) => tr(r)} />
      </SelectField>
      <TextField
        {...field("email")}
        type="email"
        autoComplete="off"
        required={forOwner}
        label={tm(forOwner ? "emailOwner" : "email")}
        hint={`${tm(mailWorks ? "emailHint" : "emailHintHeld")} ${tm("ownerHint")}`}
        maxLength={254}
      />
      <LanguageSelect {...field("language")} label={tm("language")} hint={tm("languageHint")} defaultValue={value("language") ?? locale} />
      <TextField {...field("note")} label={t("note")} hint={t("noteHint")} maxLength={200} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function RevokeInvitationForm({ action, org, invitationId }: { action: FormAction; org: string; invitationId: string }) {
  const t = useTranslations("invitations");
  const msg = useMessageText();
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction}>
      <HiddenFields values={{ org, invitationId }} />
      <SubmitButton variant="secondary" pendingLabel={t("revoking")}>
        {t("revoke")}
      </SubmitButton>
      {state.status === "error" && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {msg(state.formError)}
        </p>
      ) : null}
    </form>
  );
}
