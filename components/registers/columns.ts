/*
 * Column choice of a register, kept in the URL as `cols=` (the visible columns' ids, comma-separated) so that a
 * link reproduces the view, columns included. No `cols`: the register's default columns.
 */

export interface ColumnOption {
  id: string;
  label: string;
  /** Always shown (the column that names and links the record). */
  required?: boolean;
  /** Hidden until the user asks for it. */
  hiddenByDefault?: boolean;
}

/** A column as a register defines it: its label comes from the messages, in the reader's language. */
export type ColumnDefinition = Omit<ColumnOption, "label">;

/** The columns with their labels: `label(id)` names each, e.g. from the messages: (id) => t(`columns.${id}`). */
export function labelColumns<C extends ColumnDefinition>(columns: readonly C[], label: (id: C["id"]) => string): (C & { label: string })[] {
  return columns.map((column) => ({ ...column, label: label(column.id) }));
}

export function defaultColumnIds(columns: readonly ColumnDefinition[]): string[] {
  return columns.filter((column) => column.required || !column.hiddenByDefault).map((column) => column.id);
}

/** The visible columns' ids, in the register's order; unknown ids in the URL are ignored. */
export function visibleColumnIds(cols: string | undefined, columns: readonly ColumnDefinition[]): string[] {
  if (!cols) return defaultColumnIds(columns);
  const chosen = new Set(cols.split(","));
  const visible = columns.filter((column) => column.required || chosen.has(column.id)).map((column) => column.id);
  // Only unknown ids (an old link): the defaults rather than a table of the required column alone.
  return columns.some((column) => !column.required && chosen.has(column.id)) ? visible : defaultColumnIds(columns);
}

/** The `cols` value for a choice; undefined when it is the default, so that default links stay short. */
export function colsParam(visible: readonly string[], columns: readonly ColumnDefinition[]): string | undefined {
  const ordered = columns.filter((column) => visible.includes(column.id)).map((column) => column.id);
  const defaults = defaultColumnIds(columns);
  if (ordered.length === defaults.length && ordered.every((id, index) => id === defaults[index])) return undefined;
  return ordered.join(",");
}
