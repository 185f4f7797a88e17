import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { renderSVG } from "uqr";
import { ActionForm } from "@/components/account/action-form";
import { PasskeyAdd } from "@/components/account/passkey-add";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { getAccount } from "@/lib/accounts/accounts";
import { listFactors, pendingTotp } from "@/lib/accounts/factors";
import { organisationsRequiringFactor } from "@/lib/accounts/policy";
import { listSessions } from "@/lib/accounts/sessions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { requireActor } from "@/lib/auth/session";
import { formatInstant } from "@/lib/time/format";
import {
  addPasskeyAction,
  beginPasskeyAction,
  beginTotpAction,
  changePasswordAction,
  confirmTotpAction,
  endOtherSessionsAction,
  endSessionAction,
  removeFactorAction,
  renewRecoveryCodesAction,
} from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/account");
  const params = await searchParams;
  const [account, { factors, recoveryCodesLeft }, sessions, pending, requiring] = await Promise.all([
    getAccount(actor.userId),
    listFactors(actor),
    listSessions(actor),
    params.setup === "totp" ? pendingTotp(actor) : Promise.resolve(null),
    organisationsRequiringFactor(actor),
  ]);
  const t = await getTranslations("account");
  const locale = await getLocale();
  const when = (d: Date) => formatInstant(locale, d, "UTC");
  const hasTotp = factors.some((f) => f.kind === "totp");
  const currentPassword = { name: "currentPassword", type: "password" as const, label: t("currentPassword"), autoComplete: "current-password" };
  return (
    <>
      <PageTitle lead={account ? t("lead", { email: account.email }) : undefined}>{t("title")}</PageTitle>
      {factors.length === 0 && requiring.length > 0 ? (
        <div className="mb-6">
          <Alert tone="warning" title={t("policy.requiredTitle")}>
            {t("policy.required", { orgs: requiring.map((o) => o.name).join(", ") })}
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card id="two-step" title={t("factors.title")} lead={t("factors.lead")}>
          {factors.length ? (
            <ul className="mt-4 divide-y divide-stone-200" data-testid="factors">
              {factors.map((f) => (
                <li key={f.id} className="py-3">
                  <p className="font-medium">
                    {t(`factors.kind.${f.kind}`)}
                    {f.kind === "passkey" && f.name ? <span className="font-normal">: {f.name}</span> : null}
                  </p>
                  <p className="text-sm text-stone-600">
                    {t("factors.added", { when: when(f.createdAt) })}
                    {f.lastUsedAt ? ` · ${t("factors.lastUsed", { when: when(f.lastUsedAt) })}` : ""}
                  </p>
                  <Disclosure summary={t("factors.remove")} tone="danger">
                    <p className="mb-2 text-sm text-stone-700">{t("factors.removeLead")}</p>
                    <ActionForm
                      action={removeFactorAction}
                      hidden={{ id: f.id }}
                      fields={[currentPassword]}
                      submit={t("factors.removeConfirm")}
                      pending={t("saving")}
                      variant="danger"
                    />
                  </Disclosure>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm font-medium text-stone-800">{t("factors.none")}</p>
          )}
          {/* The confirming form stays where it is once the app is on, so that the recovery codes it returns are shown. */}
          {params.setup === "totp" && (pending || hasTotp) ? (
            <div className={pending ? "mt-4 space-y-3 rounded-md border border-stone-200 p-4" : "mt-4"} data-testid="totp-setup">
              {pending ? (
                <>
                  <p className="text-sm">{t("totp.scan")}</p>
                  {/* eslint-disable-next-line @next/next/no-img-element -- a QR code made here, as an image of our own */}
                  <img
                    src={`data:image/svg+xml;base64,${Buffer.from(renderSVG(pending.uri)).toString("base64")}`}
                    alt={t("totp.qrAlt")}
                    width={200}
                    height={200}
                    className="h-auto w-48 max-w-full"
                  />
                  <p className="text-sm">{t("totp.orType")}</p>
                  <p className="break-all font-mono text-base" data-testid="totp-secret">
                    {pending.secret.match(/.{1,4}/g)?.join(" ")}
                  </p>
                </>
              ) : null}
              <ActionForm
                action={confirmTotpAction}
                fields={[{ name: "code", label: t("totp.code"), autoComplete: "one-time-code", inputMode: "numeric", hint: t("totp.codeHint") }]}
                submit={t("totp.confirm")}
                pending={t("saving")}
                codesTitle={t("recovery.title")}
                codesHint={t("recovery.keep")}
                quiet={!pending}
              />
            </div>
          ) : !hasTotp ? (
            <div className="mt-4">
              <ActionForm action={beginTotpAction} submit={t("totp.begin")} pending={t("saving")} variant="secondary" />
            </div>
          ) : null}
          <div className="mt-6 border-t border-stone-200 pt-4">
            <h3 className="font-semibold">{t("passkey.heading")}</h3>
            <p className="mt-1 mb-3 text-sm text-stone-700">{t("passkey.lead")}</p>
            <PasskeyAdd begin={beginPasskeyAction} action={addPasskeyAction} />
          </div>
          {factors.length ? (
            <div className="mt-6 border-t border-stone-200 pt-4">
              <h3 className="font-semibold">{t("recovery.heading")}</h3>
              <p className="mt-1 text-sm text-stone-700" data-testid="recovery-left">
                {t("recovery.left", { count: recoveryCodesLeft })}
              </p>
              <Disclosure summary={t("recovery.renew")}>
                <ActionForm
                  action={renewRecoveryCodesAction}
                  fields={[currentPassword]}
                  submit={t("recovery.renewConfirm")}
                  pending={t("saving")}
                  codesTitle={t("recovery.title")}
                  codesHint={t("recovery.keep")}
                />
              </Disclosure>
            </div>
          ) : null}
        </Card>

        <Card title={t("sessions.title")} lead={t("sessions.lead")}>
          <ul className="mt-4 divide-y divide-stone-200" data-testid="sessions">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="session-row">
                <div>
                  <p className="font-medium">
                    {s.device}
                    {s.current ? <span className="ml-2 text-sm font-normal text-green-800">{t("sessions.current")}</span> : null}
                  </p>
                  <p className="text-sm text-stone-600">
                    {t("sessions.since", { when: when(s.createdAt) })} · {t("sessions.lastSeen", { when: when(s.lastSeenAt) })} ·{" "}
                    {t(`sessions.method.${s.method as "password"}`)}
                  </p>
                </div>
                {s.current ? null : (
                  <ActionForm action={endSessionAction} hidden={{ id: s.id }} submit={t("sessions.end")} pending={t("saving")} variant="secondary" />
                )}
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <ActionForm action={endOtherSessionsAction} submit={t("sessions.endOthers")} pending={t("saving")} variant="danger" />
          </div>
        </Card>

        <Card title={t("password.title")} lead={t("password.lead")}>
          <div className="mt-4">
            <ActionForm
              action={changePasswordAction}
              fields={[
                currentPassword,
                {
                  name: "password",
                  type: "password",
                  label: t("password.new"),
                  autoComplete: "new-password",
                  hint: t("password.hint", { min: MIN_PASSWORD_LENGTH }),
                },
              ]}
              submit={t("password.save")}
              pending={t("saving")}
            />
          </div>
        </Card>
      </div>
    </>
  );
}
