import Markdown from "react-markdown";

/**
 * The organiser's waiver in Markdown, shown safely: react-markdown builds React elements and
 * ignores raw HTML, so a waiver cannot carry a script or a form; links open as plain links.
 */
export function WaiverText({ text }: { text: string }) {
  return (
    <div className="waiver-text flex max-h-[60vh] flex-col gap-3 overflow-y-auto rounded-lg border border-line bg-white p-4 text-base leading-relaxed">
      <Markdown
        skipHtml
        components={{
          h1: (p) => <h2 className="text-xl font-bold">{p.children}</h2>,
          h2: (p) => <h3 className="text-lg font-bold">{p.children}</h3>,
          h3: (p) => <h4 className="text-base font-bold">{p.children}</h4>,
          ul: (p) => <ul className="list-disc pl-6">{p.children}</ul>,
          ol: (p) => <ol className="list-decimal pl-6">{p.children}</ol>,
          a: (p) => (
            <a href={p.href} rel="nofollow noopener" className="text-accent underline">
              {p.children}
            </a>
          ),
          img: () => null,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
