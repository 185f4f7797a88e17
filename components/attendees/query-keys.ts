export const attendeeKeys = {
  all: ["attendees"] as const,
  checkIn: (eventId: string, q: string) => ["attendees", eventId, "check-in", q] as const,
  event: (eventId: string) => ["attendees", eventId] as const,
};

export const checkInMutationKey = ["attendees", "check-in"] as const;
