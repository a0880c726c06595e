"use client";

import type { BrowserQRCodeReader } from "@zxing/browser";

// Reads QR codes: the browser's own BarcodeDetector where it has one (Android Chrome: fast, in
// hardware), else @zxing/browser, loaded only then so phones with a detector never download it.

type Detected = { rawValue: string }[];
type Detector = { detect(source: ImageBitmapSource): Promise<Detected> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

let native: Promise<Detector | null> | null = null;

function nativeDetector(): Promise<Detector | null> {
  native ??= (async () => {
    const Ctor = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    if (!Ctor) return null;
    try {
      return (await Ctor.getSupportedFormats()).includes("qr_code") ? new Ctor({ formats: ["qr_code"] }) : null;
    } catch {
      return null;
    }
  })();
  return native;
}

let zxing: Promise<BrowserQRCodeReader> | null = null;
const zxingReader = () =>
  (zxing ??= import("@zxing/browser").then(({ BrowserQRCodeReader }) => new BrowserQRCodeReader()));

/**
 * The picture turned by `quarterTurns` × 90°. zxing misses about one in eight of our (version
 * 10) ticket codes in one orientation and reads them in another, so each attempt turns the
 * picture a further quarter: a code held still is read within four attempts.
 */
function turned(source: CanvasImageSource, width: number, height: number, quarterTurns: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  const sideways = quarterTurns % 2 === 1;
  canvas.width = sideways ? height : width;
  canvas.height = sideways ? width : height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((quarterTurns * Math.PI) / 2);
  context.drawImage(source, -width / 2, -height / 2);
  return canvas;
}

async function zxingRead(
  source: CanvasImageSource,
  width: number,
  height: number,
  quarterTurns: number,
): Promise<string | null> {
  if (!width || !height) return null;
  try {
    return (await zxingReader()).decodeFromCanvas(turned(source, width, height, quarterTurns)).getText();
  } catch {
    return null; // nothing found in this picture: the normal case between codes
  }
}

/** One attempt at the video's current frame. */
async function readFrame(video: HTMLVideoElement, attempt: number): Promise<string | null> {
  const detector = await nativeDetector();
  if (detector) return (await detector.detect(video).catch((): Detected => []))[0]?.rawValue ?? null;
  return zxingRead(video, video.videoWidth, video.videoHeight, attempt % 4);
}

/** Reads the playing video until a QR code turns up; calls `onText` once. Returns a stop function. */
export function watchVideo(video: HTMLVideoElement, onText: (text: string) => void): () => void {
  let stopped = false;
  let timer = 0;
  const tick = async (attempt: number) => {
    const text = stopped ? null : await readFrame(video, attempt);
    if (stopped) return;
    if (text) {
      stopped = true;
      onText(text);
    } else timer = window.setTimeout(() => void tick(attempt + 1), 60);
  };
  void tick(0);
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}

/** Reads a QR code from a photo or screenshot ("Scan from image"); null when none is found. */
export async function decodeImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  const detector = await nativeDetector();
  if (detector) return (await detector.detect(bitmap).catch((): Detected => []))[0]?.rawValue ?? null;
  for (let turns = 0; turns < 4; turns++) {
    const text = await zxingRead(bitmap, bitmap.width, bitmap.height, turns);
    if (text) return text;
  }
  return null;
}
