import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

type Props = { title: string; eventName: string; intro: string; saved?: string | null; children: ReactNode };

/** An event's settings page (paperwork, fees): its title, what it settles, and the last save's confirmation. */
export function SettingsPage({ title, eventName, intro, saved, children }: Props) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={title} />
      <p className="text-base">
        {eventName} · {intro}
      </p>
      {saved ? (
        <Notice tone="success" role="status">
          {saved}
        </Notice>
      ) : null}
      {children}
    </div>
  );
}
