// Worker entry: parses one file off the main thread so a huge or hostile file cannot freeze or crash the app.
import { parentPort, workerData } from 'node:worker_threads'
import { runParseJob, type ParseJob } from './parse-job'

export type { ParseJob } from './parse-job'

if (parentPort && workerData) parentPort.postMessage(runParseJob(workerData as ParseJob))
