import { getTableColumns, sql, type InferSelectModel, type SQL, type Table } from "drizzle-orm";
import { lazyRows, type Db, type Tx } from "./query";

// Drizzle's query builder spends 50–90 µs building each select of a whole row, every call; the
// registration runs several per POST (docs/PERFORMANCE.md). A table's select list is the same every
// time: built here once, and its rows mapped back exactly as Drizzle's select maps them.

export type RowReader<T extends Table> = {
  /** `"alias"."column" as "key", …` for every column of the table. */
  columns: SQL;
  read: (row: Record<string, unknown>) => InferSelectModel<T>;
};

export function rowReader<T extends Table>(table: T, alias: string): RowReader<T> {
  const columns = Object.entries(getTableColumns(table));
  const list = columns.map(([key, column]) => `"${alias}"."${column.name}" as "${key}"`).join(", ");
  return {
    columns: sql.raw(list),
    read: (row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = row[key];
        out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return out as InferSelectModel<T>;
    },
  };
}

/**
 * `query`'s rows through `reader`, still lazy: it is sent when first awaited, so it keeps its place
 * in a pipeline (db/query.ts `pipelined`) like a query builder does.
 */
export function readRows<T extends Table>(
  tx: Db | Tx,
  query: SQL,
  reader: RowReader<T>,
): PromiseLike<InferSelectModel<T>[]> {
  const raw = lazyRows(tx, query);
  return { then: (resolve, reject) => raw.then((rows) => rows.map(reader.read)).then(resolve, reject) };
}
