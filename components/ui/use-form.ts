"use client";
import { useActionState } from "react";
import { idle, type FormAction } from "@/lib/forms";
import { useFormFields, type FieldOptions, type SavedValue, type SavedValues } from "./form-fields";

/**
 * A form whose server action is its `action` (it works without JavaScript), enhanced with useActionState: the state
 * and the action to give the form, whether it is running, and its fields (useFormFields).
 */
export function useForm<V extends SavedValues<V> = Record<string, SavedValue>>(action: FormAction, options?: FieldOptions<V>) {
  const [state, formAction, pending] = useActionState(action, idle);
  return { state, formAction, pending, ...useFormFields(state, options) };
}
