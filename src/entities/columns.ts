import { getMetadataArgsStorage } from 'typeorm';
import { apiInstantSql } from '../domain/instant';

/** A mapped column: the entity property and the table column behind it. */
interface ColumnMapping {
  property: string;
  column: string;
  /** A timestamptz column: read as the API's text when a select list asks for `apiInstants`. */
  instant: boolean;
}

type EntityClass<T> = abstract new () => T;

const mappings = new Map<EntityClass<unknown>, ColumnMapping[]>();

/**
 * The columns of an entity, read from its `@Column` decorators: the one source of column names
 * for raw SQL, so an entity, its readers and the versioning code cannot disagree.
 */
function columnsOf<T>(entity: EntityClass<T>): ColumnMapping[] {
  let found = mappings.get(entity);
  if (!found) {
    found = getMetadataArgsStorage()
      .columns.filter((column) => column.target === entity)
      .map((column) => ({
        property: column.propertyName,
        column: column.options.name ?? column.propertyName,
        instant: column.options.type === 'timestamptz',
      }));
    if (found.length === 0) throw new Error(`${entity.name} has no mapped columns`);
    mappings.set(entity, found);
  }
  return found;
}

/** The table column behind one property of an entity. */
export function columnOf<T>(entity: EntityClass<T>, property: keyof T & string): string {
  const mapping = columnsOf(entity).find((candidate) => candidate.property === property);
  if (!mapping) throw new Error(`${entity.name}.${property} is not a mapped column`);
  return mapping.column;
}

export interface SelectListOptions<T> {
  /** Properties left out (a password hash that a read never needs). */
  omit?: ReadonlyArray<keyof T & string>;
  /** SQL expressions that stand in for a property's column (a rank computed by the query). */
  computed?: Partial<Record<keyof T & string, string>>;
  /** Put before each output name: the columns of a joined row, split off with `splitJoinedRow`. */
  prefix?: string;
  /**
   * Timestamps as the API's text (apiInstantSql) instead of timestamptz: for rows PostgreSQL
   * turns into JSON (src/db/json-rows.ts), which the entity's `Instant` fields carry as they are.
   */
  apiInstants?: boolean;
}

/** Each property an entity's select list takes, with the SQL of its value as `options` ask. */
function selectedValues<T>(
  entity: EntityClass<T>,
  alias: string,
  options: SelectListOptions<T>,
): Array<{ property: string; value: string }> {
  const omit = new Set<string>(options.omit ?? []);
  const computed: Record<string, string | undefined> = options.computed ?? {};
  return columnsOf(entity)
    .filter(({ property }) => !omit.has(property))
    .map(({ property, column, instant }) => ({
      property,
      value:
        computed[property] ??
        (instant && options.apiInstants ? apiInstantSql(`${alias}.${column}`) : `${alias}.${column}`),
    }));
}

/**
 * `alias.column AS "property", ...` for an entity, so raw rows come back under the entity's
 * property names.
 */
export function selectList<T>(entity: EntityClass<T>, alias: string, options: SelectListOptions<T> = {}): string {
  const prefix = options.prefix ?? '';
  return selectedValues(entity, alias, options)
    .map(({ property, value }) => `${value} AS "${prefix}${property}"`)
    .join(', ');
}

/**
 * `json_build_object('property', alias.column, ...)` of an entity, timestamps as the API's text:
 * a joined row nested in a JSON row (a link's target post, a suggested post's author), so Node
 * gets it as one object without splitting a flat row.
 */
export function jsonObjectSql<T>(
  entity: EntityClass<T>,
  alias: string,
  options: Pick<SelectListOptions<T>, 'omit'> = {},
): string {
  const pairs = selectedValues(entity, alias, { ...options, apiInstants: true }).map(
    ({ property, value }) => `'${property}', ${value}`,
  );
  return `json_build_object(${pairs.join(', ')})`;
}

/**
 * Splits a raw row into its own columns and those selected with `prefix` (a joined row's);
 * `joined` is null when the joined row was absent (its `id` is null, as after a LEFT JOIN that
 * found nothing). Both are new objects: deleting keys off the raw row would turn it into a slow
 * dictionary-mode object for every field read after.
 */
export function splitJoinedRow<T, J>(row: Record<string, unknown>, prefix: string): { own: T; joined: J | null } {
  const own: Record<string, unknown> = {};
  const joined: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith(prefix)) joined[key.slice(prefix.length)] = row[key];
    else own[key] = row[key];
  }
  return { own: own as T, joined: joined.id == null ? null : (joined as J) };
}
