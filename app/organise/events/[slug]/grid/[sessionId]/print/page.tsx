import { notFound } from "next/navigation";
import { requireUser } from "../../../../../../session";
import { gridSheet } from "../sheet";

type Props = { params: Promise<{ slug: string; sessionId: string }> };

/** The print view: A4 (app/globals.css), one line per car; the site header is hidden when printed. */
export default async function GridPrintPage({ params }: Props) {
  const { slug, sessionId } = await params;
  const user = await requireUser(`/organise/events/${slug}/grid/${sessionId}/print`);
  const sheet = await gridSheet(user.id, slug, sessionId);
  if (!sheet) notFound();
  const columns = ["position", "plaque", "driver", "car", "colour", "plate"] as const;
  return (
    <div className="mx-auto max-w-[210mm] bg-white p-4 print:p-0">
      <h1 className="text-2xl font-bold">{sheet.title}</h1>
      <p className="mb-4 text-base text-muted">{sheet.subtitle}</p>
      <table className="w-full border-collapse text-left text-base">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="border-b-2 border-ink py-1 pr-2">
                {sheet.labels[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.lines.map((l) => (
            <tr key={l.position} className="break-inside-avoid border-b border-line">
              <td className="py-1 pr-2 font-bold tabular-nums">{l.position}</td>
              <td className="py-1 pr-2 font-mono font-bold">{l.plaque}</td>
              <td className="py-1 pr-2">{l.driver}</td>
              <td className="py-1 pr-2">{l.car}</td>
              <td className="py-1 pr-2">{l.colour}</td>
              <td className="py-1 pr-2 font-mono">{l.plate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
