// The one escape for text put into HTML (emails) or XML (feeds), in element content or a quoted attribute:
// the five markup characters become references, and characters XML 1.0 does not allow (control characters,
// U+FFFE, U+FFFF) are dropped, which changes nothing a reader could see.

const REFERENCES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REFERENCES[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}
