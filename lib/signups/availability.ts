// Whether an event takes sign-ups now: one rule for the page, the form and the server action.

export type SignupState = "open" | "waitlist" | "full" | "deadline" | "started" | "past" | "cancelled" | "archived";

export interface AvailabilityInput {
  status: "scheduled" | "postponed" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date | null;
  capacity: number | null;
  confirmedCount: number;
  waitlist: boolean;
}

export function signupAvailability(e: AvailabilityInput, campaignStatus: string, now = new Date()): { state: SignupState; placesLeft: number | null } {
  const placesLeft = e.capacity === null ? null : Math.max(0, e.capacity - e.confirmedCount);
  const state: SignupState =
    campaignStatus === "archived"
      ? "archived"
      : e.status === "cancelled"
        ? "cancelled"
        : now >= e.endsAt
          ? "past"
          : now >= e.startsAt
            ? "started"
            : e.signupDeadline && now > e.signupDeadline
              ? "deadline"
              : placesLeft === 0
                ? e.waitlist
                  ? "waitlist"
                  : "full"
                : "open";
  return { state, placesLeft };
}

export const acceptsSignups = (state: SignupState) => state === "open" || state === "waitlist";
