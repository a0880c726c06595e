import type { HTMLAttributes } from "react";

export function Card({ className = "", ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={`rounded-xl border border-line bg-white p-4 shadow-sm sm:p-5 ${className}`} {...props} />;
}
