import { RequestHeader } from "./_components/request-header";

// The @header slot (see app/layout.tsx): the per-request header unless a route names another.
export default function DefaultHeader() {
  return <RequestHeader />;
}
