// Walks every schema of the contract (components, parameters, bodies, responses) and reports the
// shapes that generated clients or YAML mislead on. One walker, several checks, so each rule in
// .spectral.yaml names one promise:
//   keywords - only JSON Schema keywords: a flow-mapping comma in a description splits it into
//              a bogus keyword that every tool silently ignores.
//   const    - no const: the Kotlin generator turns it into a one-value enum clients cannot send.
//   number   - every number says float or double: without a format Kotlin and Java use BigDecimal,
//              which the Kotlin client sends as a string.
//   oneOf    - oneOf only to make a value nullable ([X, {type: 'null'}]): a choice of object shapes
//              is an interface without an adapter in Kotlin and Swift; give one schema per response.
const KEYWORDS = new Set([
  '$ref', 'type', 'enum', 'format', 'description', 'title', 'default', 'example', 'examples',
  'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'multipleOf', 'oneOf', 'anyOf', 'allOf', 'not', 'discriminator', 'readOnly', 'writeOnly',
  'deprecated', 'minProperties', 'maxProperties', 'propertyNames', 'patternProperties', 'const',
  'contentMediaType', 'contentEncoding', 'externalDocs',
]);

function isNullSchema(s) {
  return s && typeof s === 'object' && s.type === 'null' && Object.keys(s).length === 1;
}

function walk(schema, path, check, found) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    return;
  }
  for (const key of Object.keys(schema)) {
    if (check === 'keywords' && !KEYWORDS.has(key) && !key.startsWith('x-')) {
      found.push({ message: `"${key}" is not a schema keyword (a comma or colon in an unquoted description?)`, path: [...path, key] });
    }
  }
  if (check === 'const' && 'const' in schema) {
    found.push({ message: 'const becomes a one-value enum in generated clients; use minimum/maximum or enum with a description', path: [...path, 'const'] });
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (check === 'number' && types.includes('number') && !['float', 'double'].includes(schema.format)) {
    found.push({ message: 'a number needs format: double (or float), or generated clients send it as a string', path });
  }
  if (check === 'oneOf' && Array.isArray(schema.oneOf)) {
    const nullable = schema.oneOf.length === 2 && schema.oneOf.some(isNullSchema);
    if (!nullable) {
      found.push({ message: 'oneOf is only for a nullable value ([X, {type: null}]); give one schema per response', path: [...path, 'oneOf'] });
    }
  }
  for (const key of ['properties', 'patternProperties']) {
    if (schema[key] && typeof schema[key] === 'object') {
      for (const [name, sub] of Object.entries(schema[key])) {
        walk(sub, [...path, key, name], check, found);
      }
    }
  }
  for (const key of ['items', 'not', 'additionalProperties', 'propertyNames']) {
    walk(schema[key], [...path, key], check, found);
  }
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(schema[key])) {
      schema[key].forEach((sub, i) => walk(sub, [...path, key, i], check, found));
    }
  }
}

module.exports = (document, options) => {
  const check = options && options.check;
  const found = [];
  const components = (document && document.components) || {};
  for (const [name, schema] of Object.entries(components.schemas || {})) {
    walk(schema, ['components', 'schemas', name], check, found);
  }
  for (const [name, parameter] of Object.entries(components.parameters || {})) {
    walk(parameter.schema, ['components', 'parameters', name, 'schema'], check, found);
  }
  for (const [p, item] of Object.entries(document.paths || {})) {
    for (const [method, operation] of Object.entries(item || {})) {
      if (!operation || typeof operation !== 'object') {
        continue;
      }
      const base = ['paths', p, method];
      (Array.isArray(operation) ? operation : operation.parameters || []).forEach((parameter, i) => {
        const at = Array.isArray(operation) ? [...base, i] : [...base, 'parameters', i];
        walk(parameter && parameter.schema, [...at, 'schema'], check, found);
      });
      for (const [where, holder] of [['requestBody', operation.requestBody], ...Object.entries(operation.responses || {}).map(([c, r]) => [`responses/${c}`, r])]) {
        const content = holder && holder.content;
        for (const [type, media] of Object.entries(content || {})) {
          walk(media && media.schema, [...base, ...where.split('/'), 'content', type, 'schema'], check, found);
        }
      }
    }
  }
  return found;
};
