import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { publicClientTexts } from "@/lib/i18n/client-messages";
import { messagesByLocale } from "@/lib/i18n/messages";
import { fieldError, type FormState } from "@/lib/forms";
import { PublicTexts, usePublicMessage } from "./texts";

// The sign-up form's messages as a supporter reads them: a name too long says by how much, in their language.

const refused: FormState = {
  status: "error",
  fieldErrors: { name: "validation.tooLongLimit", email: "validation.email", phone: "auth.login.invalid" },
  values: {},
  messageValues: { name: { limit: 120 } },
};

function Messages() {
  const msg = usePublicMessage();
  return (
    <ul>
      {["name", "email", "phone"].map((f) => (
        <li key={f}>{msg(fieldError(refused, f))}</li>
      ))}
    </ul>
  );
}

const shown = (locale: keyof typeof messagesByLocale) =>
  renderToStaticMarkup(
    <PublicTexts texts={publicClientTexts(messagesByLocale[locale])}>
      <Messages />
    </PublicTexts>,
  );

describe("the public forms' messages", () => {
  it("name the limit of a field too long, next to the plain ones", () => {
    expect(shown("en")).toBe(
      "<ul><li>This is too long. At most 120 characters.</li><li>Enter an email address like name@example.org.</li>" +
        "<li>Something went wrong on our side. Nothing was changed; please try again.</li></ul>",
    );
  });

  it("in Russian and Kazakh too", () => {
    expect(shown("ru")).toContain("<li>Слишком длинное значение. Не больше 120 символов.</li>");
    expect(shown("kk")).toContain("<li>Мәтін тым ұзын. Ең көбі 120 таңба.</li>");
  });
});
