import QRCode from "qrcode";

/** Text as a QR code image (SVG data URL: crisp when printed, small on the wire); level M, as EPC069-12 asks. */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The ticket as a QR code image. */
export const ticketQrDataUrl = (token: string) => qrDataUrl(token);
