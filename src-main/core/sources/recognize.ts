// Recognize which platform's export a sheet is, from its header row alone (normalized headers vs each fingerprint).
import { normalizeHeader } from '../mapping/automap'
import type { SourceLayout } from './types'

export interface Recognition {
  layout: SourceLayout
  /** Fingerprint headers found (all + any). */
  matched: number
}

/**
 * The layout whose fingerprint the headers satisfy: every `all` header present (after normalization: case, spaces,
 * punctuation, bracketed units and line breaks do not matter) and at least `minAny` of `any`. When several fit, the
 * one with the most fingerprint headers present wins; an exact tie between two layouts recognizes nothing (no guess).
 */
export function recognizeSource(headers: readonly string[], layouts: readonly SourceLayout[]): Recognition | null {
  const present = new Set(headers.map(normalizeHeader).filter((h) => h !== ''))
  const has = (name: string) => present.has(normalizeHeader(name))
  const fits: Recognition[] = []
  for (const layout of layouts) {
    const { all, any = [], minAny = any.length > 0 ? 1 : 0 } = layout.fingerprint
    if (!all.every(has)) continue
    const anyHits = any.filter(has).length
    if (anyHits < minAny) continue
    fits.push({ layout, matched: all.length + anyHits })
  }
  fits.sort((a, b) => b.matched - a.matched)
  if (fits.length === 0) return null
  if (fits.length > 1 && fits[0].matched === fits[1].matched) return null
  return fits[0]
}
