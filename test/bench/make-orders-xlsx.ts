// Deterministic order-export workbooks for benchmarks: 12 realistic columns, compressed and with a shared-strings table, as Excel writes them.
import * as XLSX from 'xlsx'

export const ORDER_COLUMNS = [
  '訂單編號',
  '客戶Email',
  '客戶姓名',
  '金額',
  '幣別',
  '付款狀態',
  '付款方式',
  '付款時間',
  '週期',
  '電話',
  '商品名稱',
  '備註'
] as const

const SURNAMES = ['王', '陳', '林', '張', '李', '黃', '吳', '劉', '蔡', '楊', '許', '鄭']
const GIVEN = ['小明', '美麗', '志豪', '雅婷', '建宏', '怡君', '宗翰', '佳穎', '承恩', '淑芬', '家豪', '雅雯']
const PRODUCTS = ['經典咖啡豆 1kg', '手沖濾杯組', '月訂閱咖啡包', '年度會員', '保溫杯 500ml', '精選禮盒']
const AMOUNTS = [299, 490, 990, 1290, 1990, 2490, 3600, 4990]
const BASE_SERIAL = 46023 // 2026-01-01

export function makeOrdersWorkbook(rows: number): Buffer {
  let seed = 12345
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const data: XLSX.CellObject[][] = [ORDER_COLUMNS.map((h) => ({ t: 's', v: h }))]
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(next() * 5000)
    const paid = next() < 0.8
    const cells: XLSX.CellObject[] = [
      { t: 's', v: `ODK-${String(i + 1).padStart(7, '0')}` },
      { t: 's', v: `customer${person}@example.com` },
      { t: 's', v: SURNAMES[person % 12] + GIVEN[(person >> 4) % 12] },
      { t: 's', v: `NT$${AMOUNTS[i % AMOUNTS.length].toLocaleString('en-US')}` },
      { t: 's', v: 'TWD' },
      { t: 's', v: paid ? '已付款' : '待付款' },
      { t: 's', v: i % 3 === 0 ? '信用卡' : i % 3 === 1 ? 'ATM' : '超商代碼' },
      paid
        ? { t: 'n', v: BASE_SERIAL + (i % 365) + Math.round(next() * 1440) / 1440, z: 'yyyy/m/d hh:mm' }
        : { t: 'z' },
      { t: 's', v: i % 4 === 0 ? '年繳' : '月繳' },
      { t: 's', v: `09${String(10000000 + ((person * 7919) % 89999999)).padStart(8, '0')}` },
      { t: 's', v: PRODUCTS[i % PRODUCTS.length] },
      i % 10 === 0 ? { t: 's', v: `備註 ${i}` } : { t: 'z' }
    ]
    data.push(cells)
  }
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows, c: ORDER_COLUMNS.length - 1 } })
  }
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '訂單')
  wb.Props = { CreatedDate: new Date(Date.UTC(2026, 0, 1)) }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer
}
