import { headers } from "next/headers";
import { PATH_HEADER } from "./config";

/** In the App Router: this request's address without a language in front (the proxy names it), with its query. */
export async function requestPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}
