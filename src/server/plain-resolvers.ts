import { GraphQLFieldResolver, GraphQLSchema, GraphQLTypeResolver, isAbstractType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { BoundedArgs } from '../schema/page.args';
import { rootOf } from '../schema/parent.decorator';
import { checkedBoundedArgs } from './validate-args';

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];

/**
 * A field whose value may be a function, called only when a client asks for it (a connection's
 * `totalCount`): graphql-js's default resolver calls it; graphql-jit reads fields without a
 * resolver as plain properties, so these get graphql-js's default back.
 */
const callIfFunction: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, args, context, info) => {
  const value = source[info.fieldName];
  return typeof value === 'function'
    ? (value as (...a: unknown[]) => unknown).call(source, args, context, info)
    : value;
};

/** What a plain resolver passes for one parameter: the object, the context, or bounded page arguments. */
type PlainParam = 'root' | 'context' | { args: new () => BoundedArgs };

/**
 * The parameters of a method whose parameters are only `@Parent()`, `@Ctx()` and `@Args()` of
 * page or limit arguments (Post.comments, Post.relatedPosts: every row of a list), or undefined.
 */
function plainParams(params: ParamMetadata[]): PlainParam[] | undefined {
  const sorted = [...params].sort((a, b) => a.index - b.index);
  const kinds = sorted.map((param): PlainParam | undefined => {
    if (param.kind === 'context' && !('propertyName' in param && param.propertyName)) return 'context';
    if (param.kind === 'custom' && param.resolver === rootOf) return 'root';
    if (param.kind === 'args') {
      const type = param.getType() as unknown;
      if (typeof type === 'function' && type.prototype instanceof BoundedArgs) {
        return { args: type as new () => BoundedArgs };
      }
    }
    return undefined;
  });
  return kinds.every((kind) => kind !== undefined) && sorted.every((param, i) => param.index === i)
    ? (kinds as PlainParam[])
    : undefined;
}

/** The method called directly, or undefined when type-graphql's wrapper does work here. */
function plainResolverOf(metadata: FieldResolverMetadata): GraphQLFieldResolver<unknown, unknown> | undefined {
  // Roles (@Authorized), middlewares and other arguments (class-validator inputs) keep type-graphql's wrapper.
  if (metadata.kind !== 'external' || metadata.roles?.length || metadata.middlewares?.length) return undefined;
  const kinds = plainParams(metadata.params ?? []);
  if (!kinds) return undefined;
  // type-graphql's default container makes one instance per resolver class; none of ours holds state.
  const instance = new (metadata.target as new () => Record<string, (...a: unknown[]) => unknown>)();
  const method = instance[metadata.methodName];
  if (kinds.length === 1 && kinds[0] === 'root') return (root) => method.call(instance, root);
  if (kinds.length === 2 && kinds[0] === 'root' && kinds[1] === 'context') {
    return (root, _args, context) => method.call(instance, root, context);
  }
  // Bounds broken: the throw makes an answer with errors, which graphql-js answers again.
  return (root, args: Record<string, unknown>, context) =>
    method.apply(
      instance,
      kinds.map((kind) =>
        kind === 'root' ? root : kind === 'context' ? context : checkedBoundedArgs(kind.args, args),
      ),
    );
}

/**
 * type-graphql makes every `resolveType` async, which graphql-jit does not await
 * (zalando-incubator/graphql-jit#69: "Abstract type Node must resolve to an Object type"); ours
 * answer at once, so they are called as they are, with type-graphql's mapping of a class to its name.
 */
function syncResolveTypes(schema: GraphQLSchema, typeNameOf: Map<unknown, string>): void {
  const storage = getMetadataStorage();
  for (const abstract of [...storage.interfaceTypes, ...storage.unions]) {
    const type = schema.getType(abstract.name);
    const resolveType = abstract.resolveType as ((...args: unknown[]) => unknown) | undefined;
    if (!resolveType || !type || !isAbstractType(type)) continue;
    const sync: GraphQLTypeResolver<unknown, unknown> = (...args) => {
      const resolved = resolveType(...args);
      if (typeof resolved === 'string') return resolved;
      return resolved ? typeNameOf.get(resolved) : undefined;
    };
    type.resolveType = sync;
  }
}

/**
 * For the compiled path (GRAPHQL_EXECUTION=compiled): field resolvers that take only the parent
 * object, the context and page or limit arguments (bounds checked as validateArgs checks them)
 * are called directly instead of through type-graphql's wrapper (a
 * container look-up, its parameter plumbing and middleware chain on every field of every row),
 * lazily counted fields get graphql-js's default resolver back, and abstract types resolve at
 * once. Same methods, same values:
 * the parity test (tests/server/execution-parity.test.ts) holds the answers byte for byte.
 */
export function usePlainResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNameOf = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  syncResolveTypes(schema, typeNameOf);
  const plain = new Map<string, GraphQLFieldResolver<unknown, unknown>>();
  for (const metadata of storage.fieldResolvers) {
    const target = metadata.getObjectType?.();
    const typeName = target && typeNameOf.get(target);
    const resolver = typeName ? plainResolverOf(metadata) : undefined;
    if (resolver) plain.set(`${typeName}.${metadata.schemaName}`, resolver);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolver = plain.get(`${type.name}.${field.name}`);
      if (resolver) field.resolve = resolver;
      else if (field.extensions?.lazyValue) field.resolve = callIfFunction as GraphQLFieldResolver<unknown, unknown>;
    }
  }
}
