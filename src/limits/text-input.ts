import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, Kind, ValueNode, visit } from 'graphql';
import { BadUserInputError } from '../errors/api-errors';

/** PostgreSQL text cannot hold U+0000; a string with one would fail in the database instead. */
const NUL = '\u0000';

function inValue(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? at : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = inValue(value[i], `${at}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = inValue(inner, `${at}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function inLiteral(node: ValueNode, at: string): string | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes(NUL) ? at : undefined;
    case Kind.LIST:
      for (let i = 0; i < node.values.length; i += 1) {
        const found = inLiteral(node.values[i], `${at}[${i}]`);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = inLiteral(field.value, `${at}.${field.name.value}`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * What each document's literals hold (the argument with a NUL, or null): Apollo keeps one parsed
 * document per query text, so its walk runs once per document instead of on every request.
 */
const literalFinds = new WeakMap<DocumentNode, string | null>();

function unstorableLiteralIn(document: DocumentNode): string | undefined {
  let found = literalFinds.get(document);
  if (found === undefined) {
    let first: string | undefined;
    // The whole document: arguments in fragments and variables' default values reach SQL too.
    visit(document, {
      Argument(node) {
        first ??= inLiteral(node.value, node.name.value);
      },
      VariableDefinition(node) {
        if (node.defaultValue) first ??= inLiteral(node.defaultValue, node.variable.name.value);
      },
    });
    found = first ?? null;
    literalFinds.set(document, found);
  }
  return found ?? undefined;
}

/**
 * Where an operation carries text that cannot be stored: the variable or argument (with the
 * path inside it, e.g. `input.tags[2]`) holding a NUL character, or undefined.
 */
function unstorableTextIn(document: DocumentNode, variables: Record<string, unknown>): string | undefined {
  return inValue(variables, '')?.replace(/^\./, '') || unstorableLiteralIn(document);
}

/**
 * One rule for every String and ID input, whichever field it reaches: text with a NUL character
 * is BAD_USER_INPUT naming where it is, before any resolver or SQL runs.
 */
export function assertStorableText(document: DocumentNode, variables: Record<string, unknown>): void {
  const field = unstorableTextIn(document, variables);
  if (field) {
    throw new BadUserInputError(`Invalid ${field}: text may not contain NUL (\\u0000) characters.`, field, {
      status: 400,
    });
  }
}

/** `assertStorableText` for every operation over HTTP. */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          assertStorableText(document, request.variables ?? {});
        },
      };
    },
  };
}
