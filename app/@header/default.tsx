import { SiteHeader } from "@/components/site-header";

// The @header slot (see app/layout.tsx): the per-request header unless a route names another.
export default function DefaultHeader() {
  return <SiteHeader />;
}
