"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Options } from "@/components/ui/options";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/forms";
import { ROLES, type Role } from "@/lib/orgs/roles";
import { InlineOutcome } from "./inline-outcome";

export function ChangeRoleForm({ action, org, userId, role, memberName }: { action: FormAction; org: string; userId: string; role: Role; memberName: string }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  const [state, formAction] = useActionState(action, idle);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <HiddenFields values={{ org, userId }} />
      <label htmlFor={id} className="sr-only">
        {t("roleOf", { name: memberName })}
      </label>
      <select id={id} name="role" required defaultValue={role} className="min-h-11 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm">
        <Options values={ROLES} label={(r) => tr(r)} />
      </select>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("saveRole")}
      </SubmitButton>
      <InlineOutcome state={state} />
    </form>
  );
}

export function RemoveMemberForm({
  action,
  org,
  userId,
  memberName,
  self,
}: {
  action: FormAction;
  org: string;
  userId: string;
  memberName: string;
  self: boolean;
}) {
  const t = useTranslations("members");
  const [state, formAction] = useActionState(action, idle);
  const formId = `remove-${userId}`;
  return (
    <form id={formId} action={formAction} className="flex flex-col items-start gap-1">
      <HiddenFields values={{ org, userId }} />
      <ConfirmButton
        formId={formId}
        label={self ? t("leave") : t("remove")}
        title={self ? t("leaveTitle") : t("removeTitle", { name: memberName })}
        body={self ? t("leaveBody") : t("removeBody", { name: memberName })}
        confirmLabel={self ? t("leaveConfirm") : t("removeConfirm")}
        cancelLabel={t("cancel")}
      />
      <InlineOutcome state={state} />
    </form>
  );
}
