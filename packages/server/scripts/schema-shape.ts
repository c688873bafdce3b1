/**
 * The shape of the database two ways — as kernel/db/schema.ts declares it to Kysely (read with
 * the TypeScript compiler) and as the migrations built it (read from the catalogue) — and the
 * differences between them, in words. schema.ts stays written by hand because it says what the
 * database cannot (which strings a column holds, what an insert may leave out); this keeps it
 * honest about every table, column, kind of value and null.
 */
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import ts from 'typescript';

/** A column as both sides can state it: the kind of value a select returns, and whether it can be null (null: `unknown` says either). */
export type ColumnShape = { kind: string; nullable: boolean | null };
/** table → column → shape; views are marked so their nullability (unknown to the catalogue) is not compared. */
export type Shape = Map<string, { view: boolean; columns: Map<string, ColumnShape> }>;

export const SCHEMA_FILE = fileURLToPath(new URL('../src/kernel/db/schema.ts', import.meta.url));

/** Kinds of value a select returns, from PostgreSQL's type names (dates and counts as the stores parse them). */
function kindOfDatabaseType(type: string): string {
  if (type.endsWith('[]')) return `${kindOfDatabaseType(type.slice(0, -2))}[]`;
  if (/^(text|character varying|character|uuid|date|time|inet|citext|name)\b/.test(type)) return 'string';
  if (/^(integer|smallint|bigint|numeric|real|double precision)\b/.test(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  if (type.startsWith('timestamp')) return 'Date';
  if (type === 'jsonb' || type === 'json') return 'json';
  if (type === 'bytea') return 'bytes';
  return type;
}

/** Every table and view of the current schema, from the catalogue (so the reading role's privileges do not matter). */
export async function databaseShape(db: Kysely<any>): Promise<Shape> {
  const { rows } = await sql<{ table: string; view: boolean; column: string; type: string; not_null: boolean }>`
    select c.relname as "table", c.relkind = 'v' as view, a.attname as "column",
           format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v')
    order by c.relname, a.attnum`.execute(db);
  const shape: Shape = new Map();
  for (const r of rows) {
    const table = shape.get(r.table) ?? { view: r.view, columns: new Map() };
    shape.set(r.table, table);
    table.columns.set(r.column, { kind: kindOfDatabaseType(r.type), nullable: !r.not_null });
  }
  return shape;
}

/** The kind of value of a column's select type, given as its union's members without null. */
function kindOf(checker: ts.TypeChecker, members: readonly ts.Type[]): string {
  const kinds = new Set<string>();
  for (const t of members) {
    if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) kinds.add('string');
    else if (t.flags & ts.TypeFlags.NumberLike) kinds.add('number');
    else if (t.flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
    else if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) kinds.add('json');
    else if (checker.isArrayType(t)) {
      const element = checker.getTypeArguments(t as ts.TypeReference)[0] as ts.Type;
      kinds.add(`${kindOf(checker, element.isUnion() ? element.types : [element])}[]`);
    } else if (t.getSymbol()?.getName() === 'Date') kinds.add('Date');
    else if (/^(Uint8Array|Buffer)$/.test(t.getSymbol()?.getName() ?? '')) kinds.add('bytes');
    else if (t.flags & ts.TypeFlags.Object) kinds.add('json');
    else kinds.add(checker.typeToString(t));
  }
  return [...kinds].sort().join(' | ');
}

/** The tables of schema.ts's `Database` interface, each column's select type read as Kysely reads it. */
export function declaredShape(file = SCHEMA_FILE): Shape {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const database = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database');
  if (!database) throw new Error(`${file} declares no Database interface`);
  const shape: Shape = new Map();
  for (const tableProp of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const tableType = checker.getTypeOfSymbolAtLocation(tableProp, database);
    const typeName = tableType.getSymbol()?.getName() ?? tableType.aliasSymbol?.getName() ?? '';
    const columns = new Map<string, ColumnShape>();
    for (const columnProp of checker.getPropertiesOfType(tableType)) {
      let type = checker.getTypeOfSymbolAtLocation(columnProp, database);
      const select = checker.getPropertyOfType(type, '__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, database);
      const parts = type.isUnion() ? type.types : [type];
      const either = parts.some((t) => t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any));
      const nullable = either ? null : parts.some((t) => t.flags & ts.TypeFlags.Null);
      const rest = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      const kind = rest.length === 0 ? 'null' : kindOf(checker, rest);
      columns.set(columnProp.getName(), { kind, nullable });
    }
    shape.set(tableProp.getName(), { view: /View$/.test(typeName), columns });
  }
  return shape;
}

/** Whether a declared kind reads what the database gives: JSON may be declared as any structure. */
function sameKind(declared: string, actual: string): boolean {
  if (declared === actual) return true;
  return actual === 'json' && !declared.includes('Date');
}

/** Every difference, one sentence each, sorted; empty when schema.ts matches the database. */
export function differences(declared: Shape, actual: Shape): string[] {
  const out: string[] = [];
  for (const [name, table] of actual) {
    if (name === 'schema_migration' && !declared.has(name)) continue;
    const mine = declared.get(name);
    if (!mine) {
      out.push(`${name}: a ${table.view ? 'view' : 'table'} in the database, missing from schema.ts`);
      continue;
    }
    for (const [column, want] of table.columns) {
      const got = mine.columns.get(column);
      if (!got) out.push(`${name}.${column}: in the database (${want.kind}${want.nullable ? ' or null' : ''}), missing from schema.ts`);
      else {
        if (!sameKind(got.kind, want.kind)) out.push(`${name}.${column}: schema.ts says ${got.kind}, the database gives ${want.kind}`);
        if (!table.view && got.nullable !== null && got.nullable !== want.nullable)
          out.push(
            `${name}.${column}: ${want.nullable ? 'may be null in the database, schema.ts says never' : 'never null in the database, schema.ts allows null'}`,
          );
      }
    }
    for (const column of mine.columns.keys()) if (!table.columns.has(column)) out.push(`${name}.${column}: in schema.ts, not in the database`);
  }
  for (const name of declared.keys()) if (!actual.has(name)) out.push(`${name}: in schema.ts, not in the database`);
  return out.sort();
}

/** A starting point for a table schema.ts lacks: the interface as the database describes it (sharpen the strings by hand). */
export function sketch(name: string, table: { columns: Map<string, ColumnShape> }): string {
  const pascal = name.replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase());
  const typeOf = (c: ColumnShape) =>
    `${c.kind === 'json' ? 'unknown' : c.kind === 'Date' ? 'Timestamp' : c.kind}${c.nullable && c.kind !== 'json' ? ' | null' : ''}`;
  const lines = [...table.columns].map(([column, c]) => `  ${column}: ${typeOf(c)};`);
  return `export interface ${pascal}Table {\n${lines.join('\n')}\n}\n// in Database: ${name}: ${pascal}Table;`;
}
