// validate.mjs — validates RDF documents against the official DCAT-AP
// 3.0.1 SHACL shapes (shapes.ttl and range.ttl), for tests/http/130_catalog.py.
//
//   node validate.mjs SHAPES_DIR FILE.ttl|FILE.rdf ...
//
// Turtle is parsed with n3, RDF/XML with rdfxml-streaming-parser, the
// shapes run with rdf-validate-shacl.  Prints one JSON object per file on
// a line: {"file", "triples", "conforms", "violations": [...]}; exits 1
// when a file does not parse.
import fs from 'node:fs'
import path from 'node:path'
import rdf from '@zazuko/env-node'
import N3 from 'n3'
import { RdfXmlParser } from 'rdfxml-streaming-parser'
import SHACLValidator from 'rdf-validate-shacl'

function parseTurtle (text, base) {
  const ds = rdf.dataset()
  for (const q of new N3.Parser({ baseIRI: base, format: 'text/turtle' }).parse(text)) ds.add(q)
  return ds
}

function parseRdfXml (text, base) {
  return new Promise((resolve, reject) => {
    const ds = rdf.dataset()
    const p = new RdfXmlParser({ baseIRI: base, dataFactory: rdf })
    p.on('data', q => ds.add(q))
    p.on('error', reject)
    p.on('end', () => resolve(ds))
    p.write(text)
    p.end()
  })
}

const [dir, ...files] = process.argv.slice(2)
const shapes = rdf.dataset()
for (const f of ['shapes.ttl', 'range.ttl']) {
  for (const q of parseTurtle(fs.readFileSync(path.join(dir, f), 'utf8'), 'http://example.org/'))
    shapes.add(q)
}
const validator = new SHACLValidator(shapes, { factory: rdf })
let failed = 0
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8')
  let data
  try {
    data = file.endsWith('.rdf') ? await parseRdfXml(text, 'http://example.org/')
      : parseTurtle(text, 'http://example.org/')
  } catch (e) {
    console.log(JSON.stringify({ file, error: String(e) }))
    failed = 1
    continue
  }
  const report = await validator.validate(data)
  const violations = report.results
    .filter(r => r.severity && r.severity.value.endsWith('#Violation'))
    .map(r => ({
      focus: r.focusNode && r.focusNode.value,
      path: r.path && r.path.value,
      message: r.message.map(m => m.value).join('; '),
      shape: r.sourceShape && r.sourceShape.value,
      component: r.sourceConstraintComponent && r.sourceConstraintComponent.value
    }))
  console.log(JSON.stringify({
    file, triples: data.size, conforms: report.conforms, results: report.results.length, violations
  }))
}
process.exit(failed)
