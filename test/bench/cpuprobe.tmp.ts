import { openWorkbookCompact } from '../../src-main/core/workbook'
import { autoMap } from '../../src-main/core/mapping/automap'
import { TARGETS } from '../../src-main/core/targets/index'
import { createPreparation } from '../../src-main/core/validation/prepare'
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
let t = performance.now(), c = cpu()
const lap = (label: string) => { const t2 = performance.now(), c2 = cpu(); console.log(label, 'wall', Math.round(t2 - t), 'cpu(main+worker)', Math.round(c2 - c)); t = t2; c = c2 }
const r = await openWorkbookCompact({ path: process.argv[2] }, {}, {}, { onStart: () => {} })
if (!r.ok) throw new Error('x')
lap('worker read (streamed, no consumer)')
const rows = r.table.rows.toRows()
lap('unpack to Cells')
const { mapping } = autoMap(TARGETS['zangsho.orders'], r.table.headers)
const p = createPreparation({ ...r.table, rows }, { target: 'zangsho.orders', timezone: 'Asia/Taipei', mapping })
lap('createPreparation')
let n = 0
for (const rec of p.records) n += JSON.stringify({ row: rec.row, rows: rec.rows, valid: rec.valid, payload: rec.payload }).length
lap('JSON of records ' + n)
