import QRCode from "qrcode";

/** The ticket as a QR code image (SVG data URL: crisp when printed, small on the wire). */
export async function ticketQrDataUrl(token: string): Promise<string> {
  const svg = await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
