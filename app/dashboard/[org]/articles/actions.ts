"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { handleForm } from "@/lib/actions";
import { createArticle, deleteArticle, fillArticleFromUrl, linkArticle, setLinkPosition, unlinkArticle, updateArticle } from "@/lib/articles/articles";
import { articleSchema, fillFromUrlSchema, linkSchema, positionSchema } from "@/lib/articles/schemas";
import { getActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { getOrganisation } from "@/lib/orgs/orgs";

// Every action is a public endpoint: the ids only say what to change; the lib call checks who may.
const slug = z.string().trim().min(1).max(60);
const orgField = z.object({ org: slug });
const articleTarget = z.object({ org: slug, articleId: z.uuid() });

const libraryPath = (org: string) => `/dashboard/${org}/articles`;
const articlePath = (org: string, id: string) => `${libraryPath(org)}/${id}`;

/** The library and every public page that may show the article. */
function refresh(org: string) {
  revalidatePath(libraryPath(org), "layout");
  revalidatePath("/c", "layout");
  revalidatePath("/articles", "layout");
}

function typed(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && k !== "intent") out[k] = v;
  return out;
}

/** "Fill in from the URL": the page's metadata over what was typed; a known address opens its article. */
async function fillFromUrl(formData: FormData): Promise<FormState> {
  return handleForm(fillFromUrlSchema.extend(orgField.shape), formData, async ({ org: orgSlug, url }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "organizer");
    const filled = await fillArticleFromUrl(actor, org.id, url);
    if ("existing" in filled) redirect(`${articlePath(org.slug, filled.existing)}?existing=1`);
    return { status: "ok", messageKey: "articles.dashboard.form.filled", data: { ...typed(formData), ...filled.found } };
  });
}

export async function createArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (formData.get("intent") === "fill") return fillFromUrl(formData);
  return handleForm(articleSchema.extend(orgField.shape), formData, async ({ org: orgSlug, ...input }) => {
    const actor = await getActor();
    const org = await getOrganisation(actor, orgSlug, "organizer");
    const article = await createArticle(actor, org.id, input);
    refresh(org.slug);
    redirect(`${articlePath(org.slug, article.id)}?${article.existing ? "existing" : "created"}=1`);
  });
}

export async function updateArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(articleSchema.extend(articleTarget.shape), formData, async ({ org, articleId, ...input }) => {
    await updateArticle(await getActor(), articleId, input);
    refresh(org);
    redirect(`${articlePath(org, articleId)}?saved=1`);
  });
}

export async function deleteArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(articleTarget, formData, async ({ org, articleId }) => {
    await deleteArticle(await getActor(), articleId);
    refresh(org);
    redirect(`${libraryPath(org)}?deleted=1`);
  });
}

export async function linkArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(linkSchema.extend(articleTarget.shape), formData, async ({ org, articleId, ...input }) => {
    await linkArticle(await getActor(), articleId, input);
    refresh(org);
    return { status: "ok", messageKey: "articles.dashboard.links.added" };
  });
}

export async function setLinkPositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(positionSchema.extend(orgField.shape), formData, async ({ org, linkId, position }) => {
    await setLinkPosition(await getActor(), linkId, position);
    refresh(org);
    return { status: "ok", messageKey: "articles.dashboard.links.saved" };
  });
}

export async function unlinkArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(z.object({ org: slug, linkId: z.uuid() }), formData, async ({ org, linkId }) => {
    const { articleId } = await unlinkArticle(await getActor(), linkId);
    refresh(org);
    redirect(`${articlePath(org, articleId)}?unlinked=1`);
  });
}
