import { useMessageText } from "@/components/ui/message";
import { answeredValue, fieldError, keptChecked, keptValue, type FormState } from "@/lib/forms";

/** A saved value a field can start from. */
export type SavedValue = string | number | boolean | null | undefined;

/** Saved values by field name: a record, or an interface of the form's values. */
export type SavedValues<V> = { [K in keyof V]?: SavedValue };

export interface FieldOptions<V extends SavedValues<V>> {
  /**
   * The saved values the fields start from. Given (`{}` for a new one), a field without a saved value starts empty;
   * not given, each field starts as the browser leaves it.
   */
  values?: Partial<V>;
  /** Put before every field's name and id, so that one page can hold several of these forms; the action strips it. */
  prefix?: string;
  /** A success gives values back to show too (a preview, what was read from a page), not only a refusal. */
  fillFromData?: boolean;
}

/**
 * A form's fields after the action's answer: what each one shows (what was typed, else the saved value) and its
 * message. Uses no client hook: the public forms, rendered on the server without JavaScript, share it.
 */
export function useFormFields<V extends SavedValues<V> = Record<string, SavedValue>>(state: FormState, options: FieldOptions<V> = {}) {
  type Name = Extract<keyof V, string>;
  const { values, prefix = "", fillFromData = false } = options;
  const msg = useMessageText();
  const value = (name: Name): string | undefined =>
    keptValue(state, name) ?? (fillFromData ? answeredValue(state, name) : undefined) ?? (values ? String(values[name] ?? "") : undefined);
  /** The field's message; `named` adds values it names that the answer does not carry. */
  const error = (name: Name, named?: Record<string, string | number>) => msg(fieldError(state, name), named);
  /** What TextField, TextAreaField and SelectField take: the name (with the prefix), the value to show, the message. */
  const field = (name: Name) => ({ name: `${prefix}${name}`, defaultValue: value(name), error: error(name) });
  /** A checkbox: ticked as it was sent after a refusal, else as saved. */
  const checked = (name: Name): boolean => keptChecked(state, name) ?? values?.[name] === true;
  return { value, error, field, checked };
}
