import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/** Values that exist in the test's data, by what they are, for arguments to point at. */
export interface ValuePools {
  /** Opaque ids by GraphQL type name, real ones (hidden, scheduled, live) and some that are not. */
  ids: Record<string, string[]>;
  slugs: string[];
  cursors: string[];
  words: string[];
  tags: string[];
  previewTokens: string[];
  paths: string[];
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

type Random = () => number;

/** Which type of id a root field looks up (`post(id)`), else any id. */
const ID_TYPE_OF_FIELD: Record<string, string> = { post: 'Post', author: 'Author', comment: 'Comment', media: 'Media' };
const PAGE_SIZES = [1, 2, 3, 5];
/** Variables of the wrong kind: a list for an object, an object for a list, text for a number, unknown fields. */
const WRONG_KINDS: unknown[] = [[], [{}], {}, 'five', 2.5, 2 ** 40, true, { nope: 1 }, [null]];
const MAX_DEPTH = 5;

/**
 * A seeded generator of read operations over every field and argument of the schema's Query
 * side: aliases, inline and named fragments (abstract types through their possible types),
 * arguments inline or as variables (some declared and left unset, so defaults apply), cursors
 * both ways. It prefers what it has not covered yet, and says what it covered.
 */
export class OperationGenerator {
  /** `Type.field` and `Type.field(arg)` covered so far. */
  readonly covered = new Set<string>();
  private variables: Record<string, unknown> = {};
  private definitions: string[] = [];
  private fragments: string[] = [];
  private aliases = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
    private readonly pools: ValuePools,
  ) {}

  /** Every `Type.field` and `Type.field(arg)` reachable from Query: what `covered` should reach. */
  reachable(): Set<string> {
    const found = new Set<string>();
    const seen = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      const concrete = isAbstractType(type) ? this.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
      for (const object of concrete) {
        if (object !== type) visit(object);
        for (const field of Object.values(object.getFields())) {
          found.add(`${object.name}.${field.name}`);
          for (const arg of field.args) found.add(`${object.name}.${field.name}(${arg.name})`);
          visit(getNamedType(field.type));
        }
      }
    };
    visit(this.schema.getQueryType()!);
    return found;
  }

  next(): GeneratedOperation {
    this.variables = {};
    this.definitions = [];
    this.fragments = [];
    this.aliases = 0;
    const roots = 1 + Math.floor(this.random() * 2);
    const selection = this.selectionOf(this.schema.getQueryType()!, MAX_DEPTH, roots);
    const header = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
    const query = [`query Generated${header} ${selection}`, ...this.fragments].join('\n');
    return { query, variables: this.variables };
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Fields to select: uncovered ones first, then at random; leaves only at the bottom. */
  private fieldsOf(type: GraphQLObjectType, depth: number, count: number): GraphQLField<unknown, unknown>[] {
    const all = Object.values(type.getFields()).filter((f) => depth > 1 || isLeafType(getNamedType(f.type)));
    const fresh = all.filter((f) => !this.covered.has(`${type.name}.${f.name}`));
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    while (chosen.size < Math.min(count, all.length)) {
      chosen.add(fresh.length && this.random() < 0.6 ? this.pick(fresh) : this.pick(all));
    }
    const leaves = all.filter((f) => isLeafType(getNamedType(f.type)));
    if (![...chosen].some((f) => isLeafType(getNamedType(f.type))) && leaves.length) chosen.add(this.pick(leaves));
    return [...chosen];
  }

  private selectionOf(type: GraphQLNamedType, depth: number, count = 1 + Math.floor(this.random() * 4)): string {
    if (isAbstractType(type)) {
      const parts = ['id'];
      if (this.random() < 0.5) parts.push('__typename');
      for (const possible of this.schema.getPossibleTypes(type)) {
        if (this.random() < 0.35) parts.push(`... on ${possible.name} ${this.selectionOf(possible, depth - 1)}`);
      }
      return `{ ${parts.join(' ')} }`;
    }
    const object = type as GraphQLObjectType;
    const parts = this.fieldsOf(object, depth, count).map((field) => this.fieldSelection(object, field, depth));
    if (this.random() < 0.15) parts.push('__typename');
    if (object.name !== 'Query' && this.random() < 0.2) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${object.name} { ${parts.join(' ')} }`);
      return `{ ...${name} }`;
    }
    if (object.name !== 'Query' && this.random() < 0.1) return `{ ... on ${object.name} { ${parts.join(' ')} } }`;
    return `{ ${parts.join(' ')} }`;
  }

  private fieldSelection(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number): string {
    this.covered.add(`${parent.name}.${field.name}`);
    const args = field.args
      .filter(
        (arg) =>
          isNonNullType(arg.type) ||
          !this.covered.has(`${parent.name}.${field.name}(${arg.name})`) ||
          this.random() < 0.3,
      )
      .map((arg) => {
        this.covered.add(`${parent.name}.${field.name}(${arg.name})`);
        return `${arg.name}: ${this.argumentText(field, arg)}`;
      });
    const alias = this.aliases < 20 && this.random() < 0.2 ? `a${(this.aliases += 1)}: ` : '';
    const named = getNamedType(field.type);
    const sub = isLeafType(named) ? '' : ` ${this.selectionOf(named, depth - 1)}`;
    return `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${sub}`;
  }

  /** An argument inline, or as a variable (declared with the argument's type, sometimes left unset). */
  private argumentText(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): string {
    const value = this.valueFor(field, arg.name, arg.type);
    if (this.random() < 0.5) return literal(value, arg.type);
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${String(arg.type)}`);
    // Now and then a value of the wrong kind, which coercion must refuse on both paths alike.
    const wrongKind = this.random() < 0.04 ? this.pick(WRONG_KINDS) : undefined;
    if (wrongKind !== undefined) this.variables[name] = wrongKind;
    else if (isNonNullType(arg.type) || this.random() < 0.85) this.variables[name] = value;
    return `$${name}`;
  }

  private valueFor(field: GraphQLField<unknown, unknown>, name: string, type: GraphQLInputType): unknown {
    const { pools } = this;
    const inner = getNullableType(type);
    if (isListType(inner)) return [this.valueFor(field, name, inner.ofType)];
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) || this.random() < 0.4);
      return Object.fromEntries(fields.map((f) => [f.name, this.valueFor(field, f.name, f.type)]));
    }
    if (isEnumType(inner)) return this.pick(inner.getValues()).name;
    switch (name) {
      case 'first':
      case 'last':
      case 'limit':
        return this.random() < 0.03 ? this.pick([0, 101, -1]) : this.pick(PAGE_SIZES);
      case 'after':
      case 'before':
        return this.pick(pools.cursors);
      case 'slug':
        return this.pick(pools.slugs);
      case 'query':
        return this.pick(pools.words);
      case 'tag':
        return this.pick(pools.tags);
      case 'token':
        return this.pick(pools.previewTokens);
      case 'path':
        return this.pick(pools.paths);
    }
    switch (inner.name) {
      case 'ID': {
        const typeName = ID_TYPE_OF_FIELD[field.name] ?? this.pick(Object.keys(pools.ids));
        return this.pick(pools.ids[typeName] ?? pools.ids.Post);
      }
      case 'Int':
        return this.pick(PAGE_SIZES);
      case 'Boolean':
        return this.random() < 0.5;
      default:
        return this.pick(pools.words);
    }
  }
}

/** A value as a GraphQL literal of `type` (enums bare, input objects and lists nested). */
function literal(value: unknown, type: GraphQLInputType): string {
  const inner = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (isListType(inner)) return `[${(value as unknown[]).map((item) => literal(item, inner.ofType)).join(', ')}]`;
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${literal(v, fields[k].type)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  if (isEnumType(inner)) return String(value);
  return JSON.stringify(value);
}
