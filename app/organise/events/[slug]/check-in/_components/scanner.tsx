"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { watchVideo } from "./decode";

/**
 * The rear camera, reading until it sees a QR code. The camera is released as soon as the
 * scanner closes (a code read, "Stop scanning", or leaving the page).
 */
export function Scanner({ onText, onClose }: { onText: (text: string) => void; onClose: () => void }) {
  const t = useTranslations("checkIn");
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onText);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    handler.current = onText;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopWatching: (() => void) | null = null;
    let closed = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: "environment" } },
          audio: false,
        });
        const element = video.current;
        if (closed || !element) return;
        element.srcObject = stream;
        await element.play();
        if (!closed) stopWatching = watchVideo(element, (text) => handler.current(text));
      } catch (e) {
        if (!closed) setError(e instanceof Error ? e.name || e.message : String(e));
      }
    })();
    return () => {
      closed = true;
      stopWatching?.();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="flex flex-col gap-3">
      <video
        ref={video}
        muted
        playsInline
        aria-label={t("camera")}
        className="aspect-[4/3] w-full rounded-xl bg-black object-cover"
      />
      <p className="text-lg font-semibold">{t("scanHint")}</p>
      {error ? (
        <p role="alert" className="text-lg font-semibold text-danger">
          {t("cameraError", { error })}
        </p>
      ) : null}
      <button type="button" onClick={onClose} className={buttonClass("secondary", "min-h-14 text-lg")}>
        {t("stopScan")}
      </button>
    </div>
  );
}
