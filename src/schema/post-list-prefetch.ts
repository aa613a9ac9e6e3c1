import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  Kind,
  SelectionSetNode,
  getArgumentValues,
  isObjectType,
} from 'graphql';
import type { RequestFacts } from '../context/request-facts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-size';
import type { PostListPrefetch } from '../readers/listed-posts';

/** The fields of a selection set, fragments (named and inline) followed, aliases and directives ignored. */
function* fieldsOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
): Generator<FieldNode> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, fragments);
    else yield* fieldsOf(fragments[selection.name.value]?.selectionSet, fragments);
  }
}

/** The selections made on each item of connections: their `nodes` and `edges { node }`. */
function nodeFieldsOf(
  connections: ReadonlyArray<SelectionSetNode | undefined>,
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] {
  const items: FieldNode[] = [];
  for (const set of connections) {
    for (const field of fieldsOf(set, fragments)) {
      if (field.name.value === 'nodes') items.push(...fieldsOf(field.selectionSet, fragments));
      if (field.name.value !== 'edges') continue;
      for (const edgeField of fieldsOf(field.selectionSet, fragments)) {
        if (edgeField.name.value === 'node') items.push(...fieldsOf(edgeField.selectionSet, fragments));
      }
    }
  }
  return items;
}

/** The selections made on each post: a connection's `nodes` and `edges { node }`, or a list's own. */
function postFieldsOf(info: GraphQLResolveInfo, shape: 'connection' | 'list'): FieldNode[] {
  const lists = info.fieldNodes.map((node) => node.selectionSet);
  if (shape === 'list') return lists.flatMap((set) => [...fieldsOf(set, info.fragments)]);
  return nodeFieldsOf(lists, info.fragments);
}

/**
 * What the operation asks of every post of a list field (Query.posts, search, featuredPosts), for
 * the post reader to read with the list (PostListPrefetch). A guess that cannot change an
 * answer: the reader primes the loaders under the keys the fields then ask for, so a field asked
 * differently (a skipped one, a second page size under another alias, a bad argument, which the
 * field itself refuses) only leaves the loaders to read what they read today.
 *
 * Only on the compiled path: the resolver path (GRAPHQL_EXECUTION=resolvers, and the graphql-js
 * runs of the compiled path) stays the reference the parity test holds the compiled path's
 * answers to, loaders reading every list as before issue 21.
 */
export function postListPrefetch(
  info: GraphQLResolveInfo,
  shape: 'connection' | 'list',
  facts: Pick<RequestFacts, 'execution' | 'prefetch'>,
): PostListPrefetch | undefined {
  if (facts.execution !== 'compiled') return undefined;
  const postType = info.schema.getType('Post');
  if (!isObjectType(postType)) return undefined;
  const commentsField = postType.getFields().comments;
  const prefetch: PostListPrefetch = {};
  for (const field of postFieldsOf(info, shape)) {
    const name = field.name.value;
    if (name === 'commentCount') prefetch.commentCount = true;
    else if (name === 'relatedLinks') prefetch.relatedLinks = true;
    else if (name === 'comments' && prefetch.commentsFirst === undefined) {
      const first = firstPageSize(commentsField, field, info.variableValues);
      if (first === undefined) continue;
      prefetch.commentsFirst = first;
      const comments = nodeFieldsOf([field.selectionSet], info.fragments);
      if (comments.some((comment) => comment.name.value === 'replies')) prefetch.commentReplies = true;
    }
  }
  const named = [
    prefetch.commentsFirst && `comments(${prefetch.commentsFirst})`,
    prefetch.commentReplies && 'replies',
    prefetch.commentCount && 'commentCount',
    prefetch.relatedLinks && 'relatedLinks',
  ].filter(Boolean);
  if (named.length) facts.prefetch = [facts.prefetch, ...named].filter(Boolean).join(',');
  return prefetch;
}

/** `first` of a `comments` field asked without `after`, when it is a page size the field accepts. */
function firstPageSize(
  definition: Parameters<typeof getArgumentValues>[0],
  field: FieldNode,
  variables: GraphQLResolveInfo['variableValues'],
): number | undefined {
  let args: { first?: unknown; after?: unknown };
  try {
    args = getArgumentValues(definition, field, variables);
  } catch {
    return undefined; // the field refuses its arguments itself
  }
  if (args.after != null) return undefined;
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  return typeof first === 'number' && Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE
    ? first
    : undefined;
}
