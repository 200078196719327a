import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPrepareServices } from '../../src-main/services/prepare'
import { WorkbookSessions } from '../../src-main/services/workbook-sessions'
import { makeOrdersWorkbook } from './make-orders-xlsx'
import { setWorkerEntryForTests } from '../../src-main/core/workbook/open'
if (process.env.BUILT) setWorkerEntryForTests({ eval: false, file: '/work/wt/appperf/out/main/parse.worker.js' })
const dir = mkdtempSync(join(tmpdir(), 'x-'))
const file = join(dir, 'o.xlsx'); writeFileSync(file, makeOrdersWorkbook(Number(process.env.ROWS ?? 12000)))
const t0 = performance.now()
const workbooks = new WorkbookSessions()
const s = createPrepareServices({ dataDir: dir, now: () => new Date(), workbooks, emit: (e: any) => console.log((performance.now()-t0).toFixed(0), e.progress?.phase, e.progress?.validated, e.progress?.read) })
const wb = await workbooks.openSource({ path: file })
console.log('preview', (performance.now()-t0).toFixed(0))
const v = await s['prepare.start']({ sessionId: wb.sessionId, target: 'zangsho.orders' })
console.log('first page', (performance.now()-t0).toFixed(0), v.progress)
