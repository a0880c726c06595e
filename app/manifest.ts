import type { MetadataRoute } from "next";

// Installs Ringmeet as an app; the gate page is what most needs it (it works offline, see
// app/serwist/sw.ts), so the installed app opens on the organiser's list of events. Installing
// wants PNG icons of 192 and 512 px besides the SVG: public/, drawn from app/icon.svg (the
// maskable one without its rounded corners; the ring sits well inside the safe zone).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Ringmeet",
    short_name: "Ringmeet",
    description: "Track meetups at the Nürburgring: registration, tickets and gate check-in.",
    start_url: "/organise",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#0b4fb3",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
