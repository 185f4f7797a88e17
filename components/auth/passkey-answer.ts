/**
 * The one passkey step both forms share: asks the server for options, lets the browser run the ceremony (create or
 * get), puts the browser's answer in the form's hidden field and sends the form. "refused" when the server gave no
 * options, "cancelled" when the browser or the person stopped.
 */
export async function sendPasskeyAnswer<O>(
  field: HTMLInputElement,
  options: () => Promise<O | null>,
  ceremony: (optionsJSON: O) => Promise<unknown>,
): Promise<"sent" | "refused" | "cancelled"> {
  const form = field.form;
  if (!form) return "cancelled";
  try {
    const optionsJSON = await options();
    if (!optionsJSON) return "refused";
    field.value = JSON.stringify(await ceremony(optionsJSON));
    form.requestSubmit();
    field.value = "";
    return "sent";
  } catch {
    return "cancelled";
  }
}
