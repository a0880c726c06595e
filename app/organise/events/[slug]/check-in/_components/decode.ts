"use client";

// Reads QR codes: the browser's own BarcodeDetector where it has one (Android Chrome: fast, in
// hardware), else lib/check-in/read-qr.ts (jsQR), loaded only then so phones with a detector never
// download it. The service worker precaches every static chunk, this one too, so a phone that loses
// signal before its first scan still has it.

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

let reader: Promise<typeof import("@/lib/check-in/read-qr")> | null = null;
const readQrModule = () => (reader ??= import("@/lib/check-in/read-qr"));

// How each kind of picture is read. `longest`: the side it is scaled down to. A phone photo is 12
// megapixels, and a ticket filling a fifth of it still has a few pixels per module at 1,600.
// Camera frames come every 60 ms, so they are kept smaller (a ticket held up fills the frame) and
// not also read inverted (a dark-mode screenshot is a photo's case).
const READING = { photo: { longest: 1600, inverted: true }, frame: { longest: 960, inverted: false } };

/** The picture's pixels, scaled down to at most its kind's longest side, read by jsQR. */
async function softwareRead(source: CanvasImageSource, width: number, height: number, kind: keyof typeof READING) {
  if (!width || !height) return null;
  const { longest, inverted } = READING[kind];
  const scale = Math.min(1, longest / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return (await readQrModule()).readQr(data, canvas.width, canvas.height, inverted);
}

/** One attempt at the video's current frame. */
async function readFrame(video: HTMLVideoElement): Promise<string | null> {
  const detector = await nativeDetector();
  if (detector) return (await detector.detect(video).catch((): Detected => []))[0]?.rawValue ?? null;
  return softwareRead(video, video.videoWidth, video.videoHeight, "frame");
}

/** Reads the playing video until a QR code turns up; calls `onText` once. Returns a stop function. */
export function watchVideo(video: HTMLVideoElement, onText: (text: string) => void): () => void {
  let stopped = false;
  let timer = 0;
  const tick = async () => {
    const text = stopped ? null : await readFrame(video);
    if (stopped) return;
    if (text) {
      stopped = true;
      onText(text);
    } else timer = window.setTimeout(() => void tick(), 60);
  };
  void tick();
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
  return softwareRead(bitmap, bitmap.width, bitmap.height, "photo");
}
