import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { searchKeyOf } from "@/lib/check-in/search";
import { CHECK_IN_DB } from "@/lib/check-in/storage";
import { withoutExpiredContacts } from "@/lib/check-in/expiry";
import type { CheckInCopy, PendingCheckIn } from "@/lib/check-in/types";

// The phone's own copy of each event it worked, and its queue of check-ins not yet sent.
// IndexedDB outlives a reload and a dead battery's restart; the sign-out button deletes it all.

type QueuedCheckIn = PendingCheckIn & { slug: string };

interface GateDb extends DBSchema {
  copies: { key: string; value: CheckInCopy & { slug: string } };
  pending: { key: string; value: QueuedCheckIn; indexes: { bySlug: string } };
}

let opening: Promise<IDBPDatabase<GateDb> | null> | null = null;

/** The database, or null where IndexedDB is unavailable (then the queue lives in memory only). */
function database(): Promise<IDBPDatabase<GateDb> | null> {
  opening ??= openDB<GateDb>(CHECK_IN_DB, 1, {
    upgrade(db) {
      db.createObjectStore("copies", { keyPath: "slug" });
      db.createObjectStore("pending", { keyPath: "clientId" }).createIndex("bySlug", "slug");
    },
    // Signing out deletes the database: let go at once so the deletion is not blocked.
    blocking() {
      void opening?.then((db) => db?.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch(() => null);
  return opening;
}

const memory = new Map<string, QueuedCheckIn>();

export async function loadCopy(slug: string): Promise<CheckInCopy | null> {
  const db = await database();
  const stored = await db?.get("copies", slug).catch(() => undefined);
  if (!stored) return null;
  const { slug: _slug, ...copy } = stored;
  // A copy saved by an older version has no search keys: search it by the names it shows.
  const cars = copy.cars.map((car) => ({ ...car, searchKey: car.searchKey ?? searchKeyOf(car.driver) }));
  return withoutExpiredContacts({ ...copy, cars }, new Date());
}

export async function saveCopy(slug: string, copy: CheckInCopy): Promise<void> {
  const db = await database();
  await db?.put("copies", { ...withoutExpiredContacts(copy, new Date()), slug }).catch(() => undefined);
}

export async function listPending(slug: string): Promise<PendingCheckIn[]> {
  const db = await database();
  const rows = db ? await db.getAllFromIndex("pending", "bySlug", slug).catch(() => null) : null;
  const all = rows ?? [...memory.values()].filter((p) => p.slug === slug);
  return all.map(({ slug: _slug, ...p }) => p).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

export async function addPending(slug: string, item: PendingCheckIn): Promise<void> {
  memory.set(item.clientId, { ...item, slug });
  const db = await database();
  await db?.put("pending", { ...item, slug }).catch(() => undefined);
}

export async function removePending(clientIds: string[]): Promise<void> {
  for (const id of clientIds) memory.delete(id);
  const db = await database();
  if (!db) return;
  const tx = db.transaction("pending", "readwrite");
  await Promise.all([...clientIds.map((id) => tx.store.delete(id)), tx.done]).catch(() => undefined);
}
