// A quote-aware CSV/TSV parser that keeps each record's starting line number (the number a user sees in a text editor).

export interface CsvRecord {
  line: number
  fields: string[]
}

const CANDIDATES = [',', ';', '\t', '|']

/** Counts delimiter candidates outside quotes in the first records; picks the one that splits lines most consistently. */
export function detectDelimiter(text: string, fallback = ','): string {
  const sample = text.slice(0, 64 * 1024)
  const counts: Record<string, number[]> = {}
  for (const c of CANDIDATES) counts[c] = []
  let current: Record<string, number> = {}
  let inQuotes = false
  let lines = 0
  const flush = () => {
    for (const c of CANDIDATES) counts[c].push(current[c] ?? 0)
    current = {}
    lines++
  }
  for (let i = 0; i < sample.length && lines < 50; i++) {
    const ch = sample[i]
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && ch === '\n') flush()
    else if (!inQuotes && CANDIDATES.includes(ch)) current[ch] = (current[ch] ?? 0) + 1
  }
  if (Object.keys(current).length) flush()
  let best = fallback
  let bestScore = 0
  for (const c of CANDIDATES) {
    const nonZero = counts[c].filter((n) => n > 0)
    if (!nonZero.length) continue
    // the delimiter appears on most lines with the same count; a title line may lack it
    const freq = new Map<number, number>()
    for (const n of nonZero) freq.set(n, (freq.get(n) ?? 0) + 1)
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
    const score = modeCount * Math.log2(mode + 1) * (c === fallback ? 1.01 : 1)
    if (score > bestScore) {
      bestScore = score
      best = c
    }
  }
  return best
}

/**
 * Parses CSV text. Quoted fields may hold delimiters, doubled quotes and newlines; a record keeps the line it starts on.
 * Stops after `maxRecords` records (the caller detects "too many rows" by getting maxRecords back).
 */
export function parseCsv(text: string, delimiter: string, maxRecords = Infinity): CsvRecord[] {
  const records: CsvRecord[] = []
  const n = text.length
  let i = 0
  let line = 1
  while (i < n && records.length < maxRecords) {
    const startLine = line
    const fields: string[] = []
    let field: string
    let endOfRecord = false
    while (!endOfRecord) {
      if (text.charCodeAt(i) === 34 /* " */) {
        // quoted field: read to the closing quote; "" is a literal quote
        i++
        let start = i
        let value = ''
        for (;;) {
          const q = text.indexOf('"', i)
          if (q === -1) {
            value += text.slice(start)
            i = n
            break
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(start, q + 1)
            i = q + 2
            start = i
            continue
          }
          value += text.slice(start, q)
          i = q + 1
          break
        }
        for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === 10) line++
        field = value
        // stray characters between the closing quote and the delimiter are kept as written
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      } else {
        let j = i
        while (j < n) {
          const c = text[j]
          if (c === delimiter || c === '\n' || c === '\r') break
          j++
        }
        field = text.slice(i, j)
        i = j
      }
      fields.push(field)
      if (i >= n) {
        endOfRecord = true
      } else if (text[i] === delimiter) {
        i++
        if (i >= n) {
          fields.push('')
          endOfRecord = true
        }
      } else {
        if (text[i] === '\r') i++
        if (text[i] === '\n') i++
        line++
        endOfRecord = true
      }
    }
    records.push({ line: startLine, fields })
  }
  return records
}
