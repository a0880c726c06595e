import QRCode from "qrcode";

/** How every code is drawn: level M, as EPC069-12 asks, and a quiet zone of two modules. */
export const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** Text as a QR code image (SVG data URL: crisp when printed, small on the wire). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", ...QR_OPTIONS });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The ticket as a QR code image. */
export const ticketQrDataUrl = (token: string) => qrDataUrl(token);
