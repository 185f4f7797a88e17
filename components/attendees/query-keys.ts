export const attendeeKeys = {
  all: ["attendees"] as const,
  checkIn: (eventId: string, q: string, shift = "") => ["attendees", eventId, "check-in", q, shift] as const,
  event: (eventId: string) => ["attendees", eventId] as const,
};

export const checkInMutationKey = ["attendees", "check-in"] as const;
