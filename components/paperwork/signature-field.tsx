"use client";

import { useEffect, useRef } from "react";
import SignaturePad from "signature_pad";
import { FieldError } from "@/components/ui/field";
import type { WaiverFormText } from "./waiver-form-text";

/**
 * A drawing area for the signature, written into a hidden field as a PNG data URL when a stroke
 * ends. Optional: without JavaScript, or for someone who cannot draw on a screen, the typed full
 * name signs alone.
 */
export function SignatureField({
  error,
  text,
}: {
  error?: string;
  text: Pick<WaiverFormText, "signature" | "signatureHint" | "clear">;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  useEffect(() => {
    const el = canvas.current!;
    // The canvas draws in device pixels, or strokes look blurred and offset on a phone.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext("2d")!.scale(ratio, ratio);
    const p = new SignaturePad(el, { penColor: "#0f172a", backgroundColor: "rgba(255,255,255,0)" });
    p.addEventListener("endStroke", () => {
      input.current!.value = p.isEmpty() ? "" : p.toDataURL("image/png");
    });
    pad.current = p;
    return () => p.off();
  }, []);
  const clear = () => {
    pad.current?.clear();
    input.current!.value = "";
  };
  return (
    <div className="flex flex-col gap-1.5">
      <span id="signature-label" className="text-sm font-semibold text-ink">
        {text.signature}
      </span>
      <canvas
        ref={canvas}
        role="img"
        aria-labelledby="signature-label"
        aria-describedby="signature-hint"
        className="h-40 w-full touch-none rounded-lg border-2 border-dashed border-line bg-white"
      />
      <input ref={input} type="hidden" name="signature" />
      <p id="signature-hint" className="text-sm text-muted">
        {text.signatureHint}
      </p>
      <button
        type="button"
        onClick={clear}
        className="inline-flex min-h-11 items-center self-start font-semibold text-accent underline underline-offset-4"
      >
        {text.clear}
      </button>
      <FieldError id="signature-error" error={error} />
    </div>
  );
}
