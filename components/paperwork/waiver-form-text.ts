/**
 * The signing form's words. Shared components take their words as props (they render in any area,
 * i18n/client-namespaces.test.ts), so each page passes them from its "paperwork" messages.
 */
export type WaiverFormText = {
  fullName: string;
  signature: string;
  signatureHint: string;
  clear: string;
  accept: string;
  sign: string;
};

/** The words from a translator for the "paperwork" messages (server or client). */
export const waiverFormText = (t: (key: keyof WaiverFormText) => string): WaiverFormText => ({
  fullName: t("fullName"),
  signature: t("signature"),
  signatureHint: t("signatureHint"),
  clear: t("clear"),
  accept: t("accept"),
  sign: t("sign"),
});
