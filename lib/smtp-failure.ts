/** What nodemailer tells about a failed send (its error's own fields). */
export type SendError = { message?: string; code?: string; responseCode?: number; command?: string; response?: string };

/**
 * A failure that retrying cannot cure: the receiving server refused this recipient or this
 * message with a 5xx reply (RFC 5321: "permanent negative completion"). A 5xx anywhere else
 * (MAIL FROM, AUTH) is about our own configuration, so it is retried like a 4xx or a dropped
 * connection, which may all pass once the server or its settings are back.
 */
export function isPermanentFailure(error: SendError): boolean {
  const code = error.responseCode ?? 0;
  return code >= 500 && code < 600 && (error.command === "RCPT TO" || error.command === "DATA");
}

/** One line for the organiser and the log: the server's reply when there is one, else the error. */
export function failureReason(error: SendError): string {
  const text = (error.response ?? error.message ?? String(error.code ?? "unknown error")).replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
