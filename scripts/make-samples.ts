// Writes the sample spreadsheets in resources/samples deterministically (same bytes on every run): npx tsx scripts/make-samples.ts
import * as XLSX from 'xlsx'
import iconv from 'iconv-lite'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'samples')
const FIXED_DATE = new Date(Date.UTC(2026, 0, 9, 0, 0, 0))

/** Small deterministic PRNG (mulberry32) so the samples never change between runs. */
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Clearly fake people: common names, example.com addresses.
const PEOPLE: [zh: string, en: string, phone: string][] = [
  ['王小明', 'xiaoming.wang', '0912345678'],
  ['陳美麗', 'meili.chen', '0922333444'],
  ['林志豪', 'zhihao.lin', '0933111222'],
  ['張雅婷', 'yating.chang', '0955666777'],
  ['李建宏', 'jianhong.li', '0966123123'],
  ['黃怡君', 'yijun.huang', '0978456456'],
  ['吳宗翰', 'zonghan.wu', '0988765432'],
  ['劉佳穎', 'jiaying.liu', '0910222333'],
  ['蔡承恩', 'chengen.tsai', '0920444555'],
  ['楊淑芬', 'shufen.yang', '0930666888'],
  ['許家豪', 'jiahao.hsu', '0952777999'],
  ['鄭雅雯', 'yawen.cheng', '0963888000'],
  ['謝明哲', 'mingzhe.hsieh', '0975000111'],
  ['洪詩涵', 'shihan.hung', '0983222444'],
  ['郭俊傑', 'junjie.kuo', '0915333555'],
  ['曾心怡', 'xinyi.tseng', '0926444666'],
  ['周冠宇', 'guanyu.chou', '0937555777'],
  ['賴欣妤', 'xinyu.lai', '0958666888'],
  ['徐偉倫', 'weilun.hsu', '0968777999'],
  ['孫靜宜', 'jingyi.sun', '0979888111']
]
const AMOUNTS = [299, 490, 990, 1290, 1990, 2490, 3600, 4990, 12000]
const METHODS = ['信用卡', 'ATM轉帳', '超商代碼']
const CYCLES = ['月繳', '年繳', '單次', '季繳']

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const ntd = (n: number) => `NT$${n.toLocaleString('en-US')}`

/** Excel serial for a Taipei wall-clock time (the cell holds wall-clock time, no zone). */
function serial(y: number, m: number, d: number, hh: number, mm: number): number {
  return (Date.UTC(y, m - 1, d, hh, mm) - Date.UTC(1899, 11, 30)) / 86_400_000
}

function writeXlsx(wb: XLSX.WorkBook, file: string) {
  wb.Props = { Title: file, Author: 'OrderDock samples', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE }
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer
  writeFileSync(join(OUT, file), bytes)
}

function orderExportXlsx() {
  const rand = rng(115)
  const header = [
    '訂單編號',
    '訂單日期',
    '客戶姓名',
    '客戶Email',
    '聯絡電話',
    '金額',
    '幣別',
    '付款狀態',
    '付款方式',
    '付款時間',
    '週期',
    '備註'
  ]
  const ws: XLSX.WorkSheet = { '!data': [], '!ref': 'A1:L1' }
  const data = ws['!data'] as XLSX.CellObject[][]
  data.push([{ t: 's', v: '好物小舖 訂單匯出報表' }])
  data.push([{ t: 's', v: '匯出時間：115/01/09 08:00（共 30 筆）' }])
  data.push(header.map((h) => ({ t: 's', v: h })))
  for (let i = 0; i < 30; i++) {
    const [name, mail, phone] = PEOPLE[i % PEOPLE.length]
    const day = 1 + (i % 28)
    const hour = 8 + Math.floor(rand() * 12)
    const minute = Math.floor(rand() * 60)
    const paid = rand() < 0.75
    const amount = AMOUNTS[Math.floor(rand() * AMOUNTS.length)]
    // row 20 is the deliberately bad one: an email without "@"
    const email = i === 16 ? `${mail}.example.com` : `${mail}@example.com`
    data.push([
      { t: 's', v: `ODK-2601${pad(i + 1, 3)}` },
      { t: 's', v: `115/01/${pad(day)}` },
      { t: 's', v: name },
      { t: 's', v: email },
      { t: 's', v: phone, z: '@' },
      { t: 's', v: ntd(amount) },
      { t: 's', v: 'TWD' },
      { t: 's', v: paid ? '已付款' : '待付款' },
      { t: 's', v: METHODS[i % METHODS.length] },
      paid ? { t: 'n', v: serial(2026, 1, day, hour, minute), z: 'yyyy/m/d hh:mm' } : { t: 'z' },
      { t: 's', v: CYCLES[i % CYCLES.length] },
      i % 7 === 3 ? { t: 's', v: '請開立統編 12345678' } : { t: 'z' }
    ])
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: header.length - 1 } })
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }]
  ws['!cols'] = header.map((h) => ({ wch: h === '客戶Email' ? 28 : 14 }))
  const notes = XLSX.utils.aoa_to_sheet([
    ['使用說明'],
    ['1. 這是 OrderDock 的範例訂單匯出檔，資料皆為虛構（example.com）。'],
    ['2. 訂單資料在「訂單」工作表，標題列在第 3 列。'],
    ['3. 訂單日期為民國年，付款時間為 Excel 日期；第 20 列的 Email 故意填錯，用來示範錯誤訊息。']
  ])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, notes, '說明')
  XLSX.utils.book_append_sheet(wb, ws, '訂單')
  writeXlsx(wb, '訂單匯出-範例.xlsx')
}

function big5Csv() {
  const rand = rng(950)
  const lines = ['訂單編號,客戶姓名,Email,金額,付款狀態,付款方式,付款時間,幣別,週期']
  for (let i = 0; i < 20; i++) {
    const [name, mail] = PEOPLE[(i * 3) % PEOPLE.length]
    const paid = rand() < 0.7
    const amount = AMOUNTS[Math.floor(rand() * AMOUNTS.length)]
    const when = paid ? `2026/1/${1 + (i % 28)} ${pad(9 + (i % 10))}:${pad(Math.floor(rand() * 60))}` : ''
    lines.push(
      [
        `B${pad(20260100 + i + 1, 8)}`,
        name,
        `${mail}@example.com`,
        `"${amount.toLocaleString('en-US')}"`,
        paid ? '已付款' : '待付款',
        METHODS[i % 3],
        when,
        'TWD',
        CYCLES[i % 4]
      ].join(',')
    )
  }
  const text = lines.join('\r\n') + '\r\n'
  const bytes = iconv.encode(text, 'cp950')
  if (iconv.decode(bytes, 'cp950') !== text) throw new Error('sample text is not Big5-encodable')
  writeFileSync(join(OUT, '訂單-big5.csv'), bytes)
}

function englishCsv() {
  const rand = rng(1252)
  const methods = ['Credit Card', 'ATM', 'LINE Pay', 'Apple Pay']
  const lines = ['Order No.,Customer Email,Customer Name,Amount,Currency,Status,Payment Method,Paid At,Billing Cycle']
  for (let i = 0; i < 20; i++) {
    const [, mail] = PEOPLE[(i * 7) % PEOPLE.length]
    const first = mail.split('.')[0]
    const last = mail.split('.')[1]
    const fullName = `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`
    const paid = rand() < 0.8
    const amount = AMOUNTS[Math.floor(rand() * AMOUNTS.length)]
    const when = paid ? `2026-01-${pad(1 + (i % 28))} ${pad(8 + (i % 12))}:${pad(Math.floor(rand() * 60))}` : ''
    lines.push(
      [
        `EN-${1001 + i}`,
        `${mail}@example.com`,
        fullName,
        `"${amount.toLocaleString('en-US')}.00"`,
        'TWD',
        paid ? 'Paid' : 'Pending',
        methods[i % 4],
        when,
        i % 2 ? 'Monthly' : 'Yearly'
      ].join(',')
    )
  }
  writeFileSync(join(OUT, 'orders-en.csv'), lines.join('\n') + '\n', 'utf8')
}

function customersXlsx() {
  const header = ['姓名', 'Email', '電話', '備註']
  const ws: XLSX.WorkSheet = { '!data': [header.map((h) => ({ t: 's', v: h }))] }
  const data = ws['!data'] as XLSX.CellObject[][]
  PEOPLE.forEach(([name, mail, phone], i) => {
    data.push([
      { t: 's', v: name },
      { t: 's', v: `${mail}@example.com` },
      { t: 's', v: phone, z: '@' },
      i % 5 === 2 ? { t: 's', v: 'VIP 客戶' } : i % 5 === 4 ? { t: 's', v: '偏好 LINE 聯絡' } : { t: 'z' }
    ])
  })
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: header.length - 1 } })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '客戶名單')
  writeXlsx(wb, 'customers.xlsx')
}

mkdirSync(OUT, { recursive: true })
orderExportXlsx()
big5Csv()
englishCsv()
customersXlsx()
process.stdout.write(`samples written to ${OUT}\n`)
