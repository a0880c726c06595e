export type SessionCounts = { id: string; confirmed: number; capacity: number; placesLeft: number; waiting: number };
export type ColourCount = { colour: string; individualColour: string | null; cars: number };
export type CountryCount = { country: string; cars: number };

/** What the public event page shows live: counts only, nothing that names a person or a car. */
export type EventCounts = {
  carsRegistered: number;
  sessions: SessionCounts[];
  colours: ColourCount[];
  countries: CountryCount[];
};

type Source = {
  carsRegistered: number;
  sessions: { id: string; capacity: number; confirmed: number; waiting: number }[];
  colours: ColourCount[];
  countries: CountryCount[];
};

/** Picks the counts out of a fuller public view, so no other field can leak into the JSON. */
export function eventCounts(source: Source): EventCounts {
  return {
    carsRegistered: source.carsRegistered,
    sessions: source.sessions.map((s) => ({
      id: s.id,
      confirmed: s.confirmed,
      capacity: s.capacity,
      placesLeft: Math.max(0, s.capacity - s.confirmed),
      waiting: s.waiting,
    })),
    colours: source.colours.map(({ colour, individualColour, cars }) => ({ colour, individualColour, cars })),
    countries: source.countries.map(({ country, cars }) => ({ country, cars })),
  };
}
