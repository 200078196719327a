// One small event interface over the two streaming XML parsers we measured (saxes, htmlparser2 in XML mode), so the
// reader is written once and the benchmark can run both on the same file.
import { createRequire } from 'node:module'
import { Parser } from 'htmlparser2'

// saxes is only ever used when a benchmark or test asks for it: loaded then, not at every worker's start (~30 ms)
const loadSaxes = () => createRequire(import.meta.url)('saxes') as typeof import('saxes')

export type XmlParserKind = 'saxes' | 'htmlparser2'

/**
 * The parser the streaming reader uses. Measured side by side on a 100k-row × 12-column xlsx (npm run bench workbook):
 * both within ~10 % CPU of each other; htmlparser2 was as fast or faster, is actively maintained, and is lenient the
 * way SheetJS is (no CR/attribute normalisation), which keeps the two paths' tables identical on odd-but-readable files.
 */
export const DEFAULT_XML_PARSER: XmlParserKind = 'htmlparser2'

export interface XmlHandler {
  /** name without namespace prefix ("x:row" → "row"). */
  open(name: string, attrs: Record<string, string>): void
  text(text: string): void
  close(name: string): void
}

export interface XmlSink {
  write(chunk: string): void
  end(): void
}

const local = (name: string) => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

export function xmlSink(kind: XmlParserKind, handler: XmlHandler): XmlSink {
  if (kind === 'htmlparser2') {
    const parser = new Parser(
      {
        onopentag: (name, attrs) => handler.open(local(name), attrs),
        ontext: (text) => handler.text(text),
        onclosetag: (name) => handler.close(local(name)),
        onerror: (err) => {
          throw err
        }
      },
      { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true }
    )
    return { write: (chunk) => parser.write(chunk), end: () => parser.end() }
  }
  const { SaxesParser } = loadSaxes()
  const parser = new SaxesParser({ xmlns: false, position: false })
  parser.on('opentag', (tag) => handler.open(local(tag.name), tag.attributes as Record<string, string>))
  parser.on('text', (text) => handler.text(text))
  parser.on('cdata', (text) => handler.text(text))
  parser.on('closetag', (tag) => handler.close(local(tag.name)))
  parser.on('error', (err) => {
    throw err
  })
  return { write: (chunk) => void parser.write(chunk), end: () => void parser.close() }
}

/** Feeds UTF-8 bytes to a sink, keeping characters split across pieces whole. */
export function utf8Feeder(sink: XmlSink): { push(piece: Uint8Array): void; end(): void } {
  const decoder = new TextDecoder('utf-8')
  return {
    push: (piece) => sink.write(decoder.decode(piece, { stream: true })),
    end: () => {
      const rest = decoder.decode()
      if (rest) sink.write(rest)
      sink.end()
    }
  }
}
