"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useMessageText } from "@/components/ui/message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms";
import { ROLES, type Role } from "@/lib/orgs/roles";

function Outcome({ state }: { state: FormState }) {
  const msg = useMessageText();
  if (state.status === "error" && state.formError)
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {msg(state.formError)}
      </p>
    );
  if (state.status === "ok" && state.messageKey)
    return (
      <p role="status" className="text-sm text-green-800">
        {msg(state.messageKey)}
      </p>
    );
  return null;
}

export function ChangeRoleForm({ action, org, userId, role, memberName }: { action: FormAction; org: string; userId: string; role: Role; memberName: string }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  const [state, formAction] = useActionState(action, idle);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        {t("roleOf", { name: memberName })}
      </label>
      <select id={id} name="role" required defaultValue={role} className="min-h-11 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("saveRole")}
      </SubmitButton>
      <Outcome state={state} />
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
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="userId" value={userId} />
      <ConfirmButton
        formId={formId}
        label={self ? t("leave") : t("remove")}
        title={self ? t("leaveTitle") : t("removeTitle", { name: memberName })}
        body={self ? t("leaveBody") : t("removeBody", { name: memberName })}
        confirmLabel={self ? t("leaveConfirm") : t("removeConfirm")}
        cancelLabel={t("cancel")}
      />
      <Outcome state={state} />
    </form>
  );
}
