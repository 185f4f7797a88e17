import { handleFederation } from "@/lib/federation/handler";

// Answered by Fedify (lib/federation).
export const dynamic = "force-dynamic";
export const GET = handleFederation;
