// The "Try a sample" files shipped in resources/samples. Only names listed from that folder can be opened (no path tricks).
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { FileFormat } from '../core/workbook/types'
import type { Localized, SampleInfo } from '../ipc/contract'

const FORMATS: Record<string, FileFormat> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsm',
  '.xls': 'xls',
  '.ods': 'ods',
  '.csv': 'csv',
  '.tsv': 'tsv'
}

const DESCRIPTIONS: Record<string, Localized> = {
  '訂單匯出-範例.xlsx': {
    'zh-TW': '中文訂單匯出（有標題列，含說明工作表）',
    en: 'zh-TW order export (title rows, an instructions sheet)'
  },
  '訂單-big5.csv': {
    'zh-TW': 'Big5 編碼的訂單 CSV（Excel「CSV」存檔）',
    en: 'Orders CSV in Big5 (Excel’s plain “CSV” save)'
  },
  'orders-en.csv': { 'zh-TW': '英文訂單 CSV（UTF-8）', en: 'English orders CSV (UTF-8)' },
  'customers.xlsx': { 'zh-TW': '客戶名單', en: 'Customer list' }
}

/** Known samples first, in the order above, then anything else in the folder by name. */
function sampleOrder(a: string, b: string): number {
  const known = Object.keys(DESCRIPTIONS)
  const ia = known.indexOf(a)
  const ib = known.indexOf(b)
  if (ia !== -1 || ib !== -1) return (ia === -1 ? known.length : ia) - (ib === -1 ? known.length : ib)
  return a.localeCompare(b)
}

export async function listSamples(samplesDir: string): Promise<SampleInfo[]> {
  let names: string[]
  try {
    names = await readdir(samplesDir)
  } catch {
    return []
  }
  const samples: SampleInfo[] = []
  for (const name of names.filter((n) => FORMATS[extname(n).toLowerCase()]).sort(sampleOrder)) {
    const info = await stat(join(samplesDir, name)).catch(() => null)
    if (!info?.isFile()) continue
    samples.push({
      name,
      format: FORMATS[extname(name).toLowerCase()],
      bytes: info.size,
      description: DESCRIPTIONS[name] ?? { 'zh-TW': name, en: name }
    })
  }
  return samples
}

/** The full path of a listed sample, or null when the name is not one of them. */
export async function samplePath(samplesDir: string, name: string): Promise<string | null> {
  const samples = await listSamples(samplesDir)
  return samples.some((sample) => sample.name === name) ? join(samplesDir, name) : null
}
