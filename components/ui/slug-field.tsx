import type { ComponentProps } from "react";
import { TextField } from "@/components/ui/field";

/** The address part an organizer may type for a campaign or an event (optionalSlugField in lib/slug-field.ts). */
export function SlugField(props: ComponentProps<typeof TextField>) {
  return <TextField maxLength={60} autoCapitalize="none" spellCheck={false} {...props} />;
}
