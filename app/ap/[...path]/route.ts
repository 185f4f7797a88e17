import { handleFederation } from "@/lib/federation/handler";

// Campaigns as ActivityPub actors: their documents, inboxes, outboxes and followers (lib/federation).
export const dynamic = "force-dynamic";
export const GET = handleFederation;
export const POST = handleFederation;
