/** Label and value pairs of a draw (hashes, seeds, times), values in a monospace font that may wrap anywhere. */
export function Facts({ facts }: { facts: [label: string, value: string][] }) {
  return (
    <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-semibold text-muted">{label}</dt>
          <dd className="break-all font-mono text-sm">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
