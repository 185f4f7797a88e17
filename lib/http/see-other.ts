/**
 * The answer to a form's post (post, redirect, get): the browser goes on to `location` with a GET, and a reload
 * there never sends the form again. `cookies` are Set-Cookie headers.
 */
export function seeOther(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/** The form's fields, or none when the body is no form at all (the schema then names what is missing). */
export async function formDataOf(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/**
 * A form's fields from a request body read as a stream (the public pages' renderer reads its own), or null when
 * the body is longer than `limit` bytes; none when it is no form at all.
 */
export async function formDataOfStream(body: AsyncIterable<Uint8Array>, contentType: string | undefined, limit = 64 * 1024): Promise<FormData | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return formDataOf(new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType ?? "" }, body: Buffer.concat(chunks) }));
}
