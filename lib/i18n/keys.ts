import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";

/** Every message's full key ("validation.required", "attendeeMessages.errors.nobody"): what a lib error or a form's state may name. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
