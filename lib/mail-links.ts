/** A line of a mail: text (shown as written, never made a link) or one of our own links. */
export type MailLine = string | { link: string };

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * The text and HTML bodies of a mail, and its links. Only lines given as links become <a>
 * elements: a club name, an event name or a broadcast may hold an address someone typed, and
 * Ringmeet must not turn it into a link that looks like ours.
 */
export function composeMail(lines: readonly MailLine[]): { text: string; html: string; links: string[] } {
  const text = lines.map((l) => (typeof l === "string" ? l : l.link)).join("\n\n");
  const html = lines
    .map((l) =>
      typeof l === "string"
        ? `<p>${escapeHtml(l)}</p>`
        : `<p><a href="${escapeHtml(l.link)}">${escapeHtml(l.link)}</a></p>`,
    )
    .join("\n");
  const links = [...new Set(lines.flatMap((l) => (typeof l === "string" ? [] : [l.link])))];
  return { text, html, links };
}
