// The code an organizer pastes into a partner's page to show an event's sign-up there (/embed/c/{campaign}/{event}).

const attribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The embed's address on this site: `origin` is siteOrigin(), never a request's Host. */
export function embedAddress(origin: string, campaignSlug: string, eventSlug: string): string {
  return `${origin}/embed/c/${encodeURIComponent(campaignSlug)}/${encodeURIComponent(eventSlug)}`;
}

/** An <iframe> that fills the width of the partner's column, tall enough for the form without scrolling; `title` names it to screen readers. */
export function embedSnippet(origin: string, campaignSlug: string, eventSlug: string, title: string): string {
  const src = attribute(embedAddress(origin, campaignSlug, eventSlug));
  return `<iframe src="${src}" title="${attribute(title)}" style="width:100%;min-height:1000px;border:0" loading="lazy"></iframe>`;
}
