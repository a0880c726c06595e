// Stands in for the `server-only` marker package under vitest, where there is no React server bundle.
export {};
