// Generates src/gql/ (typed documents for every `graphql(...)` call in src/) with
// graphql-codegen's client preset, driven through @graphql-codegen/core rather than the CLI:
// the CLI's dependency tree (listr2, inquirer, the URL/GitHub loaders) requires Node >= 22, and
// all this project needs is one schema file, local documents and one output folder.
//
//   node scripts/codegen.mjs            writes src/gql/
//   node scripts/codegen.mjs --out DIR  writes DIR/ (used by the drift check)
//
// SCHEMA_PATH overrides the schema (default: the server's committed ../server/schema.graphql).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { buildASTSchema, parse } from 'graphql';

const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The whole configuration: what `codegen.ts` holds in a CLI setup. */
export const config = {
  schema: process.env.SCHEMA_PATH
    ? resolve(process.env.SCHEMA_PATH)
    : resolve(webRoot, '../server/schema.graphql'),
  documentsRoot: join(webRoot, 'src'),
  /** Generated code and type declarations hold no documents. */
  ignore: [join(webRoot, 'src', 'gql') + sep],
  extensions: ['.ts', '.tsx'],
  outDir: join(webRoot, 'src', 'gql'),
  presetConfig: {
    gqlTagName: 'graphql',
    // Apollo Client 4 masks fragments itself when we need it; no codegen-level masking.
    fragmentMasking: false,
  },
  pluginConfig: {
    useTypeImports: true,
    enumsAsTypes: true,
    strictScalars: true,
    scalars: { DateTime: 'string' },
  },
};

function listSourceFiles(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => config.extensions.some((ext) => file.endsWith(ext)))
    .filter((file) => !file.endsWith('.d.ts'))
    .filter((file) => !config.ignore.some((dir) => file.startsWith(dir)))
    .sort();
}

function loadDocuments() {
  const documents = [];
  for (const file of listSourceFiles(config.documentsRoot)) {
    const code = readFileSync(file, 'utf8');
    if (!code.includes(`${config.presetConfig.gqlTagName}(`)) continue;
    const sources = gqlPluckFromCodeStringSync(file, code, {
      skipIndent: true,
      globalGqlIdentifierName: [config.presetConfig.gqlTagName],
    });
    for (const source of sources) {
      const location = relative(webRoot, file).split(sep).join('/');
      documents.push({ location, document: parse(source.body), rawSDL: source.body });
    }
  }
  return documents;
}

function loadSchema() {
  if (!existsSync(config.schema)) {
    throw new Error(
      `No schema at ${config.schema}. The server writes packages/server/schema.graphql; until it ` +
        'exists, point SCHEMA_PATH at a copy of the API contract (api-contract.graphql).',
    );
  }
  const schema = parse(readFileSync(config.schema, 'utf8'));
  return { schema, schemaAst: buildASTSchema(schema) };
}

/** Renders every generated file; returns { [fileName]: content } without touching the disk. */
export async function render() {
  const { schema, schemaAst } = loadSchema();
  const outputs = await preset.buildGeneratesSection({
    baseOutputDir: './',
    schema,
    schemaAst,
    documents: loadDocuments(),
    plugins: [],
    pluginMap: {},
    config: config.pluginConfig,
    presetConfig: config.presetConfig,
    documentTransforms: [],
  });
  const files = {};
  // One at a time and in order: the output is compared byte for byte by the drift check.
  for (const output of outputs) {
    files[output.filename.replace(/^\.\//, '')] = await codegen({ ...output, schemaAst });
  }
  return files;
}

export async function writeTo(outDir) {
  const files = await render();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(outDir, name), content.endsWith('\n') ? content : `${content}\n`);
  }
  return Object.keys(files);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1] ?? '') : config.outDir;
  try {
    const names = await writeTo(outDir);
    console.log(
      `codegen: ${config.schema} -> ${relative(process.cwd(), outDir) || '.'} (${names.join(', ')})`,
    );
  } catch (error) {
    console.error(`codegen failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
