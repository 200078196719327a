// A spare parse worker's warm-up: reading a small made-up export once runs the reader's code (unzip, XML, shared
// strings, number formats, dates) so the user's first file meets warmed-up code; cold, a first preview is ~4× slower.
import * as XLSX from 'xlsx'
import { readWorkbook } from './read-stream'

const WARM_UP_ROWS = 3000

/** An order export as Excel writes one: shared strings, CJK text, amounts, and date-time cells with a format. */
function warmUpWorkbook(rows: number): Uint8Array {
  const data: XLSX.CellObject[][] = [
    ['訂單編號', 'Email', '姓名', '金額', '付款狀態', '付款時間', '數量', '備註'].map((v) => ({ t: 's', v }))
  ]
  for (let i = 0; i < rows; i++) {
    data.push([
      { t: 's', v: `W-${String(i).padStart(6, '0')}` },
      { t: 's', v: `buyer${i % 400}@example.com` },
      { t: 's', v: ['王小明', '陳美麗', '林志豪'][i % 3] },
      { t: 's', v: `NT$${(990 + i).toLocaleString('en-US')}` },
      { t: 's', v: i % 5 ? '已付款' : '待付款' },
      { t: 'n', v: 46023 + i / 97, z: 'yyyy/m/d hh:mm' },
      { t: 'n', v: (i % 7) + 1 },
      i % 9 ? { t: 'z' } : { t: 's', v: `備註 ${i}` }
    ])
  }
  const sheet: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows, c: 7 } })
  }
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Orders')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Uint8Array
}

/**
 * Reads the made-up export as a preview (what the user's first read is), unless a real job came meanwhile (`jobWaiting`:
 * it goes first). Never fails: a warm-up must not cost the worker its life.
 */
export async function warmUpReader(jobWaiting: () => boolean): Promise<void> {
  try {
    const bytes = warmUpWorkbook(WARM_UP_ROWS)
    await new Promise((resolve) => setImmediate(resolve)) // a job posted during the build is seen here
    if (jobWaiting()) return
    await readWorkbook('warm-up.xlsx', bytes, { maxRows: 100 })
  } catch {
    // only ever slower, never wrong: the user's read runs as it would have
  }
}
