/**
 * A car's paint as a dot beside its colour's name; decoration only (the name carries the meaning).
 * `className` sets its size and ring, which differ between a list, a card and the gate's large text.
 */
export function Swatch({
  colour,
  className = "h-4 w-4 border border-slate-400",
}: {
  colour: string;
  className?: string;
}) {
  return (
    <span
      aria-hidden
      className={`inline-block shrink-0 rounded-full ${className}`}
      style={{ backgroundColor: colour }}
    />
  );
}
