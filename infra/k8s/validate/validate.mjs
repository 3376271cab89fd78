// Validates rendered Kubernetes manifests against the schemas of the objects they declare:
// Kubernetes (kubernetes-models), CloudNativePG (@kubernetes-models/cloudnative-pg) and the
// Prometheus Operator (@kubernetes-models/prometheus-operator). Two checks per document:
//   1. the model's JSON-schema validator (types, formats, required fields, enums);
//   2. the model's TypeScript type, by compiling the document as an object literal: TypeScript
//      refuses a field the type does not have, so a misspelt or misplaced field fails too (the
//      schema validators let unknown fields through, as the API server's non-strict mode does).
//      TypeScript names the first unknown field of a document; the next shows once that is mended.
// Prints one JSON line per document ({file, index, kind, name, ok, errors}) and a summary line;
// exits 1 if any document fails. Usage: node validate.mjs FILE.yaml...
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));

/** The module and type name that model an apiVersion and kind, or null for a kind we do not know. */
function model(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z]+$/.test(kind)) return null;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "postgresql.cnpg.io") return `@kubernetes-models/cloudnative-pg/${group}/${version}/${kind}`;
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  if (group === "") return `kubernetes-models/${version}/${kind}`;
  if (!group.includes(".") || group.endsWith(".k8s.io")) return `kubernetes-models/${group}/${version}/${kind}`;
  return null;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE.yaml...");
  process.exit(2);
}

const results = [];
const typed = [];
for (const file of files) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (let index = 0; index < docs.length; index++) {
    const parsed = docs[index];
    const result = { file, index, kind: null, name: null, ok: true, errors: [] };
    results.push(result);
    if (parsed.errors.length > 0) {
      result.ok = false;
      result.errors.push(...parsed.errors.map((e) => `yaml: ${e.message}`));
      continue;
    }
    const doc = parsed.toJS();
    if (doc === null) {
      // An empty document (a stream ending in ---) declares nothing: nothing to check.
      results.pop();
      continue;
    }
    result.kind = doc.kind ?? null;
    result.name = doc.metadata?.name ?? null;
    const path = model(doc.apiVersion, doc.kind);
    if (path === null) {
      result.ok = false;
      result.errors.push(`no schema for apiVersion ${doc.apiVersion}, kind ${doc.kind}`);
      continue;
    }
    let Model;
    try {
      Model = (await import(path))[doc.kind];
    } catch {
      Model = undefined;
    }
    if (typeof Model !== "function") {
      result.ok = false;
      result.errors.push(`no schema for apiVersion ${doc.apiVersion}, kind ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      result.ok = false;
      result.errors.push(`schema: ${String(e.message).split("\n").join("; ")}`);
    }
    typed.push({ result, path, type: `I${doc.kind}`, doc });
  }
}

// Every typed document becomes `const dN: IKind = {...}` in one program, compiled once.
const dir = mkdtempSync(join(tmpdir(), "yousaid-k8s-"));
try {
  const lines = [];
  const starts = [];
  typed.forEach((t, i) => {
    lines.push(`import type { ${t.type} as T${i} } from ${JSON.stringify(t.path)};`);
  });
  let lineCount = lines.length;
  typed.forEach((t, i) => {
    const statement = `export const d${i}: T${i} = ${JSON.stringify(t.doc, null, 1)};`;
    starts.push(lineCount);
    lines.push(statement);
    lineCount += statement.split("\n").length;
  });
  const source = lines.join("\n");
  const checks = join(dir, "checks.ts");
  writeFileSync(checks, source);
  const program = ts.createProgram([checks], {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, typeRoots: [],
    baseUrl: here, paths: { "*": [join(here, "node_modules", "*")] },
  });
  const lineStarts = source.split("\n").reduce((acc, l) => (acc.push(acc[acc.length - 1] + l.length + 1), acc), [0]);
  const lineOf = (pos) => { let n = 0; while (n + 1 < lineStarts.length && lineStarts[n + 1] <= pos) n++; return n; };
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (d.file === undefined || d.start === undefined) {
      results.push({ file: "(types)", index: -1, kind: null, name: null, ok: false, errors: [`typescript: ${message}`] });
      continue;
    }
    const line = lineOf(d.start);
    let owner = -1;
    starts.forEach((s, i) => { if (s <= line) owner = i; });
    if (owner < 0) {
      results.push({ file: "(types)", index: -1, kind: null, name: null, ok: false, errors: [`typescript: ${message}`] });
      continue;
    }
    const r = typed[owner].result;
    r.ok = false;
    // The doc's own line of the error says where: the field TypeScript refused.
    const at = source.split("\n")[line].trim();
    r.errors.push(`type: ${message} (at ${at.slice(0, 120)})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const r of results) console.log(JSON.stringify(r));
const failed = results.filter((r) => !r.ok).length;
console.log(JSON.stringify({ summary: true, documents: results.length, failed }));
process.exit(failed === 0 ? 0 : 1);
