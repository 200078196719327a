// Review calls that change rows (group fixes, find & replace): the new summary goes into the view and the grid reloads.
import type { PrepareSummary } from '../../../../src-main/ipc/contract'
import { asApiError } from '../../api'
import { usePrepareStore } from '../../prepare-store'

export async function applyChange<T extends { summary: PrepareSummary }>(run: () => Promise<T>): Promise<T | null> {
  try {
    const result = await run()
    usePrepareStore.setState((s) => ({
      view: s.view ? { ...s.view, summary: result.summary } : s.view,
      version: s.version + 1
    }))
    return result
  } catch (error) {
    usePrepareStore.setState({ error: asApiError(error) })
    return null
  }
}
