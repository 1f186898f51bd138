/**
 * Reads the schema's SDL from `schema/*.graphql` with graphql-tag. The object types list the fields they
 * share with the Entity and Actor interfaces without repeating the descriptions: this module gives each
 * such field and argument its interface's description, so the playground's docs pane documents them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  DefinitionNode,
  DocumentNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  InterfaceTypeDefinitionNode,
  ObjectTypeDefinitionNode,
} from 'graphql';
import { Kind } from 'graphql';
import { gql } from 'graphql-tag';

// Two levels below the package root both as src/api/typeDefs.ts (tests) and dist/api/typeDefs.js (built).
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The SDL files of the schema, in name order. */
export function schemaFiles(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => join(dir, name));
}

type TypeWithFields = ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode;

function hasFields(definition: DefinitionNode): definition is TypeWithFields {
  return definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION;
}

function inheritArgument(argument: InputValueDefinitionNode, from: FieldDefinitionNode | undefined): InputValueDefinitionNode {
  if (argument.description !== undefined) return argument;
  const description = from?.arguments?.find((a) => a.name.value === argument.name.value)?.description;
  return description === undefined ? argument : { ...argument, description };
}

/** A type whose undocumented fields and arguments take the descriptions of its interfaces' fields. */
function inheritDescriptions(type: TypeWithFields, interfaces: ReadonlyMap<string, InterfaceTypeDefinitionNode>): TypeWithFields {
  const parents = (type.interfaces ?? []).flatMap((named) => {
    const parent = interfaces.get(named.name.value);
    return parent === undefined ? [] : [parent];
  });
  if (parents.length === 0) return type;
  const fields = (type.fields ?? []).map((field) => {
    const inherited = parents.flatMap((p) => p.fields ?? []).filter((f) => f.name.value === field.name.value);
    const withDescription = inherited.find((f) => f.description !== undefined);
    const description = field.description ?? withDescription?.description;
    const args = field.arguments?.map((a) => inheritArgument(a, inherited.find((f) => f.arguments?.some((x) => x.name.value === a.name.value && x.description))));
    return { ...field, description, arguments: args };
  });
  return { ...type, fields };
}

/**
 * The schema's type definitions: every `*.graphql` file of `dir`, parsed with graphql-tag, in one document,
 * with interface descriptions given to the implementing types' undocumented fields.
 */
export function loadTypeDefs(dir: string = SCHEMA_DIR): DocumentNode {
  const definitions = schemaFiles(dir).flatMap((file) => gql(readFileSync(file, 'utf8')).definitions);
  const interfaces = new Map<string, InterfaceTypeDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) interfaces.set(definition.name.value, definition);
  }
  return {
    kind: Kind.DOCUMENT,
    definitions: definitions.map((d) => (hasFields(d) ? inheritDescriptions(d, interfaces) : d)),
  };
}
