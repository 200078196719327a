// Method names and channel names of the contract: no runtime dependencies, so the sandboxed preload stays tiny.

export const METHOD_NAMES = [
  'app.info',
  'app.setLanguage',
  'dialog.open',
  'samples.list',
  'samples.open',
  'workbook.open',
  'workbook.preview',
  'workbook.close',
  'rows.page',
  // prepare (issue 3)
  'targets.list',
  'prepare.start',
  'prepare.setTarget',
  'prepare.setMapping',
  'prepare.setValueMatch',
  'prepare.rows',
  'prepare.editCell',
  'prepare.exclude',
  'prepare.setOptions',
  'prepare.setProfile',
  'prepare.close',
  'prepare.constantReach',
  'prepare.setCells',
  'prepare.rowNumbers',
  'prepare.lookupFile',
  'prepare.setLookup',
  'sessions.list',
  'sessions.restore',
  'sessions.remove',
  'templates.list',
  'templates.save',
  'templates.rename',
  'templates.remove',
  // profiles
  'profiles.list',
  'profiles.save',
  'profiles.remove',
  'profiles.setToken',
  'profiles.deleteToken',
  'profiles.test',
  'profiles.shoplineOptions',
  // push
  'push.plan',
  'push.start',
  'push.pause',
  'push.resume',
  'push.cancel',
  'push.status',
  'push.results',
  'push.retryFailed',
  'push.exportReport',
  'push.jobs',
  'push.resumeJob',
  'push.preview',
  // quitting while a push runs: the renderer's answer to app.quitRequested
  'app.quit',
  // review (issue 11 B)
  'review.issueGroups',
  'review.fixGroup',
  'review.findReplace',
  // fix in Excel and bring it back
  'prepare.exportErrors',
  'prepare.mergeBack',
  // multi-file import (issue 15 item 5)
  'flow.sheetKinds',
  'flow.openSheet',
  'flow.start',
  'flow.status',
  'flow.cancel',
  'flow.list',
  'flow.resume',
  'flow.exportReport'
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

/** One ipcMain.handle channel per method, so nothing outside the contract has a handler. */
export function methodChannel(method: MethodName): string {
  return `orderdock:${method}`
}

/** Every push from main to the renderer travels on this one channel, with a `type` field. */
export const EVENT_CHANNEL = 'orderdock:event'

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value)
}
